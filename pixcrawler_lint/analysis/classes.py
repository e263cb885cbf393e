"""What kind of class a ``ClassDef`` is: its ancestors' names, abstract, Protocol, service, repository.

Every helper here never raises: astroid failures on odd code mean "unknown", and each
helper documents which way it leans when it cannot be sure.
"""

from __future__ import annotations

from astroid import nodes

from pixcrawler_lint.analysis.inference import infer_one
from pixcrawler_lint.analysis.origins import library_name
from pixcrawler_lint.config import Config
from pixcrawler_lint.layers import Layer, classify

__all__ = [
    "syntactic_base_name",
    "ancestor_names",
    "ancestor_classes",
    "has_unknown_bases",
    "is_abstract",
    "is_protocol",
    "is_service_class",
    "is_repository_class",
    "inherits",
    "project_ancestor_names",
    "project_ancestors",
    "open_library_bases",
    "MEMBERLESS_LIBRARY_BASES",
]

# Astroid bugs on pathological classes (cyclic bases, broken MRO) surface as many kinds of error.
_CLASS_ERRORS = (Exception, RecursionError)
_ABSTRACT_BASES = frozenset({"ABC", "ABCMeta"})
_PROTOCOL_BASES = frozenset({"Protocol"})


def syntactic_base_name(base: nodes.NodeNG) -> str | None:
    """The name a base expression spells: ``Base``, ``mod.Base`` and ``Base[Model]`` → ``Base``."""
    if isinstance(base, nodes.Subscript):
        base = base.value
    if isinstance(base, nodes.Name):
        return str(base.name)
    if isinstance(base, nodes.Attribute):
        return str(base.attrname)
    return None


def ancestor_classes(cls: nodes.ClassDef) -> list[nodes.ClassDef]:
    """The inferred ancestors of ``cls`` (MRO-ish order, without ``cls``); ``[]`` on failure."""
    try:
        return list(cls.ancestors())
    except _CLASS_ERRORS:
        return []


def ancestor_names(cls: nodes.ClassDef) -> set[str]:
    """Names of every ancestor of ``cls``, inferred or only spelled in a ``class X(...)`` line.

    The syntactic names of the bases of ``cls`` and of each inferred ancestor are included,
    so a base imported from a module that cannot be resolved still counts by its name.
    """
    return _lineage_names(cls, ancestor_classes(cls))


def _lineage_names(cls: nodes.ClassDef, ancestors: list[nodes.ClassDef]) -> set[str]:
    """The ancestors' names and every base name spelled by ``cls`` or an ancestor."""
    names = {klass.name for klass in ancestors if klass is not cls}
    for klass in (cls, *ancestors):
        for base in klass.bases:
            name = syntactic_base_name(base)
            if name:
                names.add(name)
    return names


def project_ancestors(cls: nodes.ClassDef) -> list[nodes.ClassDef]:
    """The ancestors of ``cls`` reached without entering a library: a base imported from a
    library (``BaseModel``, ``DeclarativeBase``, ``Generic``) ends the walk on that path, its
    module is not built. A library class never derives from a project class, so every
    project ancestor is found."""
    found: list[nodes.ClassDef] = []
    pending, seen = [cls], {id(cls)}
    while pending and len(seen) < 64:
        klass = pending.pop(0)
        for base in klass.bases:
            target = base.value if isinstance(base, nodes.Subscript) else base
            if library_name(target) is not None:
                continue
            value = infer_one(target)
            if isinstance(value, nodes.ClassDef) and id(value) not in seen:
                seen.add(id(value))
                found.append(value)
                pending.append(value)
    return found


# Library bases that add no methods a call on an instance could mean.
MEMBERLESS_LIBRARY_BASES = frozenset({
    "typing.Generic", "typing.Protocol", "typing_extensions.Generic", "typing_extensions.Protocol", "abc.ABC",
})


def open_library_bases(cls: nodes.ClassDef, ancestors: list[nodes.ClassDef] | None = None) -> set[str]:
    """Dotted names of the library classes (other than :data:`MEMBERLESS_LIBRARY_BASES`) that
    ``cls`` or a project ancestor derives from directly: where members come from that the
    rules do not look into (``pydantic.BaseModel`` gives ``model_dump``). ``ancestors``:
    :func:`project_ancestors` of ``cls``, when the caller has them already."""
    found: set[str] = set()
    for klass in (cls, *(project_ancestors(cls) if ancestors is None else ancestors)):
        for base in klass.bases:
            imported = library_name(base.value if isinstance(base, nodes.Subscript) else base)
            if imported is not None and imported.dotted not in MEMBERLESS_LIBRARY_BASES:
                found.add(imported.dotted)
    return found


def project_ancestor_names(cls: nodes.ClassDef) -> set[str]:
    """Like :func:`ancestor_names`, over :func:`project_ancestors`: library bases count by the
    name they are spelled with. Answers "does ``cls`` inherit the project's ``BaseService``?"
    exactly, without building libraries."""
    return _lineage_names(cls, project_ancestors(cls))


def inherits(cls: nodes.ClassDef, base_name: str) -> bool:
    """True when ``cls`` has a project ancestor (inferred or spelled) called ``base_name``."""
    try:
        return base_name in project_ancestor_names(cls)
    except _CLASS_ERRORS:
        return False


def has_unknown_bases(cls: nodes.ClassDef) -> bool:
    """True when some base of ``cls`` or of its ancestors cannot be inferred to a class.

    Attribute lookup on such a class cannot be trusted: the unknown base may define anything.
    ``Generic[T]``/``Base[Model]`` subscripts count as known when their class infers.
    """
    for klass in (cls, *ancestor_classes(cls)):
        for base in klass.bases:
            target = base.value if isinstance(base, nodes.Subscript) else base
            value = infer_one(target)
            if not isinstance(value, nodes.ClassDef):
                return True
    return False


def _declares_abstract(cls: nodes.ClassDef) -> bool:
    if any(syntactic_base_name(base) in _ABSTRACT_BASES for base in cls.bases):
        return True
    declared = cls.declared_metaclass()
    if isinstance(declared, nodes.ClassDef):
        return declared.name in _ABSTRACT_BASES
    # astroid keeps `metaclass=` out of `keywords`; when it does not infer, go by its spelling.
    spelled = getattr(cls, "_metaclass", None)
    return spelled is not None and syntactic_base_name(spelled) in _ABSTRACT_BASES


def _has_unimplemented_abstract_method(cls: nodes.ClassDef) -> bool:
    try:
        for method in cls.methods():  # own methods first, then inherited ones not overridden
            if isinstance(method, nodes.FunctionDef) and method.is_abstract(pass_is_abstract=False):
                return True
    except _CLASS_ERRORS:
        return False
    return False


def is_abstract(cls: nodes.ClassDef) -> bool:
    """True when ``cls`` itself lists ``ABC``/``metaclass=ABCMeta`` or leaves an abstractmethod open.

    A concrete subclass of an ABC (all abstract methods implemented) is not abstract.
    """
    try:
        return _declares_abstract(cls) or _has_unimplemented_abstract_method(cls)
    except _CLASS_ERRORS:
        return False


def is_protocol(cls: nodes.ClassDef) -> bool:
    """True when ``cls`` lists ``Protocol`` / ``Protocol[T]`` among its own bases."""
    return any(syntactic_base_name(base) in _PROTOCOL_BASES for base in cls.bases)


def _in_layer(cls: nodes.ClassDef, layer: Layer, config: Config, modname: str | None) -> bool:
    try:
        name = modname if modname is not None else cls.root().name
    except _CLASS_ERRORS:
        return False
    return classify(name, config) is layer


def _is_layer_class(
    cls: nodes.ClassDef, layer: Layer, base_name: str, suffix: str, config: Config, modname: str | None
) -> bool:
    if not _in_layer(cls, layer, config, modname) or cls.name == base_name:
        return False
    if not (cls.name.endswith(suffix) or inherits(cls, base_name)):
        return False
    return not is_protocol(cls) and not is_abstract(cls)


def is_service_class(cls: nodes.ClassDef, config: Config, modname: str | None = None) -> bool:
    """A concrete service (SPEC "service"): a class of the services layer that inherits
    ``base-service`` or is named ``*Service``; the base itself, abstract classes and Protocols
    are not. ``modname`` defaults to the module ``cls`` is defined in."""
    return _is_layer_class(cls, Layer.SERVICES, config.base_service, "Service", config, modname)


def is_repository_class(cls: nodes.ClassDef, config: Config, modname: str | None = None) -> bool:
    """A concrete repository: a class of the repositories layer that inherits ``base-repository``
    or is named ``*Repository``; the base itself, abstract classes and Protocols are not.
    ``modname`` defaults to the module ``cls`` is defined in."""
    return _is_layer_class(cls, Layer.REPOSITORIES, config.base_repository, "Repository", config, modname)
