"""Members of a class through its MRO, and whether a class or function is the project's own.

Public: :func:`lookup_member` (with :class:`Member`), :func:`mro`, :func:`visible_mro`,
:func:`is_project_class`, :func:`is_project_module`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from astroid import nodes

from pixcrawler_lint.analysis.classes import ancestor_classes, open_library_bases, project_ancestors
from pixcrawler_lint.analysis.origins import LibraryModule, is_library_path
from pixcrawler_lint.analysis.resolution.guards import ERRORS as _ERRORS

__all__ = ["Member", "is_project_class", "is_project_module", "lookup_member", "mro", "visible_mro"]


def is_project_module(module: nodes.Module) -> bool:
    """True when ``module`` belongs to the linted project, not the stdlib or an installed package."""
    if not isinstance(module, nodes.Module) or isinstance(module, LibraryModule):
        return False
    if not module.pure_python or module.name == "builtins":
        return False
    file = module.file
    if not file:
        return True  # built from a string (editor buffer, tests)
    return not is_library_path(file)


def is_project_class(cls: nodes.ClassDef | nodes.FunctionDef) -> bool:
    """True when ``cls`` (or a function) is written in the linted project, not in the stdlib or
    an installed package. Signatures of library code are full of overloads and decorators;
    rules that check calls only trust project code.
    """
    try:
        return is_project_module(cls.root())
    except _ERRORS:
        return False


def mro(cls: nodes.ClassDef) -> list[nodes.ClassDef]:
    """``cls`` and its ancestors in method resolution order (astroid's MRO, else ancestors)."""
    try:
        return list(cls.mro())
    except _ERRORS:
        return [cls, *ancestor_classes(cls)]


def visible_mro(cls: nodes.ClassDef) -> list[nodes.ClassDef]:
    """:func:`mro`, or only ``cls`` and its project ancestors when a library base other than
    ``Generic``/``Protocol``/``ABC`` is involved: members a library class adds
    (``model_dump`` of a pydantic model) are not looked up, and the library is not built."""
    ancestors = project_ancestors(cls)
    if open_library_bases(cls, ancestors):
        return [cls, *ancestors]
    return mro(cls)


@dataclass(frozen=True)
class Member:
    """The result of looking an attribute up on instances of a class."""

    found: bool  # the class (with bases) certainly defines it
    definitions: tuple[nodes.NodeNG, ...]  # where, in the first class of the MRO that has it
    owner: nodes.ClassDef | None  # that class

    @property
    def function(self) -> nodes.FunctionDef | None:
        """The method, when the attribute is exactly one ``def``."""
        if len(self.definitions) == 1 and isinstance(self.definitions[0], nodes.FunctionDef):
            return self.definitions[0]
        return None


def _members_in(klass: nodes.ClassDef, name: str) -> Iterator[nodes.NodeNG]:
    yield from klass.locals.get(name, [])
    yield from klass.instance_attrs.get(name, [])


def lookup_member(cls: nodes.ClassDef, name: str) -> Member:
    """``name`` on instances of ``cls``, through the MRO (generic bases such as
    ``BaseRepository[Project]`` included). Instance attributes (``self.name = ...``) count."""
    try:
        for klass in visible_mro(cls):
            definitions = tuple(_members_in(klass, name))
            if definitions:
                return Member(True, definitions, klass)
    except _ERRORS:
        pass
    return Member(False, (), None)
