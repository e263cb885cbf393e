"""SQLAlchemy declarative models: which classes are models, and which attributes are columns.

A model is a class mapped by SQLAlchemy's declarative system: a subclass of a class that
derives from ``DeclarativeBase`` (SQLAlchemy 2), a subclass of a ``declarative_base()``
result, or a class that declares ``__tablename__``. Its mapped columns are the class-body
attributes assigned ``mapped_column(...)``/``Column(...)`` or annotated ``Mapped[...]`` — own
ones and those inherited from mixins; ``relationship(...)`` and friends are not columns.

SQLModel: ``class Item(SQLModel, table=True)`` (or a subclass of another ``SQLModel`` class with
``table=True``) is a model; a ``SQLModel`` class without ``table=True`` is a schema, not a model.
The columns of a SQLModel class are its annotated fields — ``Field(...)`` and plain
annotated attributes, with or without a default, own and inherited from its ``SQLModel``
bases; ``Relationship(...)`` and ``ClassVar`` attributes are not. Such a column is a
``Field`` in the class body, not a column object (:attr:`Column.field`).

Every helper never raises and answers "no"/``None`` when it cannot be sure.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from astroid import nodes

from pixcrawler_lint.analysis.classes import inherits, project_ancestors, syntactic_base_name
from pixcrawler_lint.analysis.collaborators import (
    annotated_return,
    annotation_class,
    collaborator_class,
    lookup_member,
    visible_mro,
)
from pixcrawler_lint.analysis.inference import call_name
from pixcrawler_lint.analysis.origins import every_assigned, import_origin, parameter_binding
from pixcrawler_lint.analysis.project_inference import infer_project, is_library_made

if TYPE_CHECKING:
    from pixcrawler_lint.context import ModuleContext

__all__ = [
    "Column",
    "DECLARATIVE_BASES",
    "COLUMN_FACTORIES",
    "is_declarative_base",
    "is_model_class",
    "is_sqlmodel_class",
    "own_columns",
    "column_of",
    "model_class_of",
    "inferred_model_instance",
    "ModelTypes",
]

DECLARATIVE_BASES = frozenset({"DeclarativeBase", "DeclarativeBaseNoMeta"})
DECLARATIVE_BASE_FACTORIES = frozenset({"declarative_base"})
COLUMN_FACTORIES = frozenset({"mapped_column", "Column"})
# Mapped[...] attributes assigned one of these are ORM attributes, but not columns.
NON_COLUMN_FACTORIES = frozenset(
    {"relationship", "relation", "association_proxy", "column_property", "composite", "synonym",
     "query_expression", "deferred", "dynamic_loader", "backref", "hybrid_property"}
)
# SQLModel: the base class, and what declares a non-column attribute.
SQLMODEL_BASE = "SQLModel"
SQLMODEL_NON_FIELDS = frozenset({"Relationship", "PrivateAttr", "computed_field"})
_MAX_ALIAS_DEPTH = 4


@dataclass(frozen=True)
class Column:
    """A mapped column defined in a class body."""

    attribute: str  # the Python attribute name (``user_id``)
    db_name: str  # the table column name (the first string argument, else the attribute)
    node: nodes.NodeNG  # the ``Assign``/``AnnAssign`` statement that defines it
    owner: nodes.ClassDef
    field: bool = False  # a SQLModel field: the class attribute is a ``FieldInfo``, not the column


def _is_declarative_base_result(base: nodes.NodeNG, depth: int = 0) -> bool:
    """``Base`` where ``Base = declarative_base()`` (in this module or an imported one)."""
    if depth > _MAX_ALIAS_DEPTH or not isinstance(base, (nodes.Name, nodes.Attribute)):
        return False
    if isinstance(base, nodes.Name):
        try:
            _, assignments = base.lookup(base.name)
        except Exception:  # pylint: disable=broad-exception-caught
            return False
        for assignment in assignments:
            parent = assignment.parent
            if isinstance(parent, nodes.Assign) and isinstance(parent.value, nodes.Call):
                if call_name(parent.value) in DECLARATIVE_BASE_FACTORIES:
                    return True
            if isinstance(assignment, nodes.ImportFrom):
                target = _imported_assignment(assignment, base.name)
                if target is not None and call_name(target) in DECLARATIVE_BASE_FACTORIES:
                    return True
    return False


def _imported_assignment(importfrom: nodes.ImportFrom, local_name: str) -> nodes.Call | None:
    """The call that the name imported by ``importfrom`` was assigned from, if any."""
    real_name = next(
        (name for name, alias in importfrom.names if (alias or name) == local_name), None
    )
    if real_name is None or import_origin(importfrom, local_name) is not None:
        return None  # a library's name is not a project's ``Base = declarative_base()``
    try:
        module = importfrom.do_import_module(importfrom.modname)
        assignments = module.locals.get(real_name, [])
    except Exception:  # pylint: disable=broad-exception-caught  # unresolvable import
        return None
    for assignment in assignments:
        parent = assignment.parent
        if isinstance(parent, nodes.Assign) and isinstance(parent.value, nodes.Call):
            return parent.value
    return None


def is_declarative_base(cls: nodes.ClassDef) -> bool:
    """True for the project's declarative base itself: ``class Base(DeclarativeBase)``."""
    return any(syntactic_base_name(base) in DECLARATIVE_BASES for base in cls.bases)


def _declares_tablename(cls: nodes.ClassDef) -> bool:
    return "__tablename__" in cls.locals


def is_sqlmodel_class(cls: nodes.ClassDef) -> bool:
    """True when ``cls`` derives from ``SQLModel`` (a table model or a schema)."""
    try:
        return cls.name != SQLMODEL_BASE and inherits(cls, SQLMODEL_BASE)
    except Exception:  # pylint: disable=broad-exception-caught
        return False


def _declares_table(cls: nodes.ClassDef) -> bool:
    """``class Item(SQLModel, table=True)``."""
    return any(
        keyword.arg == "table" and isinstance(keyword.value, nodes.Const) and keyword.value.value is True
        for keyword in cls.keywords or ()
    )


def is_model_class(cls: nodes.ClassDef) -> bool:
    """True when ``cls`` is a mapped declarative model (not the declarative base itself), or a
    SQLModel table model (``table=True``)."""
    if cls.name in DECLARATIVE_BASES or is_declarative_base(cls):
        return False
    if is_sqlmodel_class(cls):
        return _declares_table(cls)
    if _declares_tablename(cls):
        return True
    for klass in (cls, *project_ancestors(cls)):
        if klass is not cls and (klass.name in DECLARATIVE_BASES or is_declarative_base(klass)):
            return True
        if any(_is_declarative_base_result(base) for base in klass.bases):
            return True
    return False


def _annotation_is_mapped(annotation: nodes.NodeNG | None) -> bool:
    """``Mapped[...]`` or ``orm.Mapped[...]``."""
    if isinstance(annotation, nodes.Subscript):
        return syntactic_base_name(annotation.value) == "Mapped"
    return False


def _db_name(call: nodes.Call, attribute: str) -> str:
    first = call.args[0] if call.args else None
    if isinstance(first, nodes.Const) and isinstance(first.value, str):
        return first.value
    for keyword in call.keywords or ():
        value = keyword.value
        if keyword.arg == "name" and isinstance(value, nodes.Const) and type(value.value) is str:
            return value.value
    return attribute


def _column_from_statement(statement: nodes.NodeNG, cls: nodes.ClassDef) -> Column | None:
    if isinstance(statement, nodes.AnnAssign) and isinstance(statement.target, nodes.AssignName):
        name = statement.target.name
        value = statement.value
        if isinstance(value, nodes.Call) and call_name(value) in COLUMN_FACTORIES:
            return Column(name, _db_name(value, name), statement, cls)
        if isinstance(value, nodes.Call) and call_name(value) in NON_COLUMN_FACTORIES:
            return None
        if _annotation_is_mapped(statement.annotation) and value is None:
            return Column(name, name, statement, cls)
        return None
    if isinstance(statement, nodes.Assign) and isinstance(statement.value, nodes.Call):
        if call_name(statement.value) not in COLUMN_FACTORIES:
            return None
        targets = [t for t in statement.targets if isinstance(t, nodes.AssignName)]
        if len(targets) == 1 and len(statement.targets) == 1:
            name = targets[0].name
            return Column(name, _db_name(statement.value, name), statement, cls)
    return None


def _sqlmodel_field(statement: nodes.NodeNG, cls: nodes.ClassDef) -> Column | None:
    """An annotated field of a SQLModel class body: ``title: str = Field(...)``, ``done: bool =
    False``, ``hashed_password: str``; not ``Relationship(...)``, ``ClassVar`` or private names."""
    if not isinstance(statement, nodes.AnnAssign) or not isinstance(statement.target, nodes.AssignName):
        return None
    name = statement.target.name
    if name.startswith("_") or name == "model_config":
        return None
    annotation = statement.annotation
    if syntactic_base_name(annotation.value if isinstance(annotation, nodes.Subscript) else annotation) == "ClassVar":
        return None
    value = statement.value
    if isinstance(value, nodes.Call) and call_name(value) in SQLMODEL_NON_FIELDS | NON_COLUMN_FACTORIES:
        return None
    db_name = name
    if isinstance(value, nodes.Call) and call_name(value) == "Field":
        column = next((k.value for k in value.keywords or () if k.arg == "sa_column"), None)
        if isinstance(column, nodes.Call) and call_name(column) in COLUMN_FACTORIES:
            db_name = _db_name(column, name)
    return Column(name, db_name, statement, cls, field=True)


def own_columns(cls: nodes.ClassDef) -> dict[str, Column]:
    """The mapped columns assigned in ``cls``'s own body, by attribute name, in source order."""
    columns: dict[str, Column] = {}
    sqlmodel = is_sqlmodel_class(cls)
    for statement in cls.body:
        column = _sqlmodel_field(statement, cls) if sqlmodel else _column_from_statement(statement, cls)
        if column is not None:
            columns[column.attribute] = column
    return columns


def column_of(cls: nodes.ClassDef, attribute: str) -> Column | None:
    """The mapped column ``attribute`` of ``cls`` (own or inherited), or ``None``.

    The first class in the MRO that defines ``attribute`` decides: a method or property of
    that name there means it is not a column.
    """
    for klass in visible_mro(cls):
        if attribute in klass.locals:
            return own_columns(klass).get(attribute)
    return None


def model_class_of(value: nodes.NodeNG | None) -> nodes.ClassDef | None:
    """The model class of an inferred value: an instance of a model (not the class itself)."""
    if value is None or isinstance(value, nodes.ClassDef):
        return None
    proxied = getattr(value, "_proxied", None)
    is_instance = type(value).__name__ == "Instance"
    if isinstance(proxied, nodes.ClassDef) and is_instance and is_model_class(proxied):
        return proxied
    return None


def inferred_model_instance(expr: nodes.NodeNG) -> nodes.ClassDef | None:
    """The model class of ``expr`` when astroid infers it to exactly one model instance."""
    return model_class_of(infer_project(expr))


# --- What model an expression holds, from inference or annotations -------------------------

_MAX_RESOLVE_DEPTH = 12


def _model(cls: nodes.ClassDef | None) -> nodes.ClassDef | None:
    return cls if cls is not None and is_model_class(cls) else None


def _function_of(callee: nodes.NodeNG | None) -> nodes.FunctionDef | None:
    """The function behind an inferred callee (a function or a bound method)."""
    if isinstance(callee, nodes.FunctionDef):
        return callee
    proxied = getattr(callee, "_proxied", None)
    return proxied if isinstance(proxied, nodes.FunctionDef) else None


# Expressions whose value is not an instance of a model class.
_NEVER_A_MODEL = (
    nodes.BinOp, nodes.UnaryOp, nodes.Compare, nodes.Const, nodes.JoinedStr, nodes.List, nodes.Tuple,
    nodes.Set, nodes.Dict, nodes.ListComp, nodes.SetComp, nodes.DictComp, nodes.GeneratorExp, nodes.Lambda,
)


def _never_holds_a_model(name: nodes.Name) -> bool:
    """Every assignment of ``name`` is arithmetic, a literal or a library's value
    (``directory = Path(root) / str(job.id)``)."""
    return every_assigned(name, lambda value: isinstance(value, _NEVER_A_MODEL) or is_library_made(value))


def _self_of_another_class(expr: nodes.NodeNG) -> bool:
    """``self`` (or a static method's first parameter) of a method of a class that is not a
    model: no model instance. astroid would infer it only after the method's decorators
    (``@model_validator(...)`` builds pydantic) to tell a class method from a static one."""
    if not isinstance(expr, nodes.Name):
        return False
    found = parameter_binding(expr)
    if found is None:
        return False
    parameter, arguments, positional = found
    owner = arguments.parent.parent
    first_has_no_default = len(arguments.defaults or []) < len(positional)
    return bool(positional) and positional[0] is parameter and first_has_no_default and (
        isinstance(owner, nodes.ClassDef) and not is_model_class(owner)
    )


class ModelTypes:
    """Finds the model class an expression holds, for one module.

    Sources, each certain or silent: astroid inference; DI typing through
    :mod:`~pixcrawler_lint.analysis.collaborators` (parameters and variables annotated with
    the model, ``X | None``, ``self.x``); variables assigned from the annotated return of a
    called function or collaborator method (``entry = await self.repository.latest(...)``
    with ``-> ActivityLog | None``; TypeVars of generic bases substituted); and loop targets
    over an iterable of models (``for entry in await self.repository.recent(...)`` with
    ``recent(...) -> list[ActivityLog]``).
    """

    def __init__(self, ctx: ModuleContext | None = None) -> None:
        self._ctx = ctx
        self._depth = 0

    def model_of(self, expr: nodes.NodeNG) -> nodes.ClassDef | None:
        """The model class of which ``expr`` is one instance (``None`` allowed), or ``None``."""
        return self._guarded(expr, element=False)

    def element_model_of(self, expr: nodes.NodeNG) -> nodes.ClassDef | None:
        """The model class of the items of iterable ``expr``, or ``None``."""
        return self._guarded(expr, element=True)

    def _guarded(self, expr: nodes.NodeNG, element: bool) -> nodes.ClassDef | None:
        return _model(self._declared(expr, element))

    def _resolve(self, expr: nodes.NodeNG, element: bool) -> nodes.ClassDef | None:
        if is_library_made(expr):
            return None  # a library's value (``select(...)``, ``func.now()``): not a project model
        if isinstance(expr, _NEVER_A_MODEL):
            return None  # arithmetic, comparisons, literals: not inferred (it walks both operands)
        if isinstance(expr, nodes.Await):
            return self._returned(expr.value, awaited=True, element=element)
        if isinstance(expr, nodes.Call):
            found = self._returned(expr, awaited=False, element=element)
            if found is not None or element:
                return found
            callee = infer_project(expr.func)
            if isinstance(callee, nodes.ClassDef):
                # ``Entry(...)`` makes an ``Entry``; ``str(value)`` a ``str`` (astroid's brain
                # would infer ``value`` first, and its function's decorators with it).
                return callee
            return inferred_model_instance(expr)
        if isinstance(expr, nodes.Name):
            found = self._name_class(expr, element)
            if found is not None or element or _never_holds_a_model(expr):
                return found
        if not element and isinstance(expr, (nodes.Name, nodes.Attribute)):
            found = collaborator_class(expr, self._ctx)
            if found is not None:
                return found
        if element or _self_of_another_class(expr):
            return None
        return inferred_model_instance(expr)

    def _declared(self, expr: nodes.NodeNG, element: bool) -> nodes.ClassDef | None:
        """Like :meth:`_guarded`, but a known class that is not a model is returned as is: a
        variable assigned ``create_engine(...)`` (``-> AsyncEngine``) is known not to hold a
        model, and is not handed to inference."""
        # Chains of assignments can loop (``a = b; b = a``): give up past a small depth.
        if self._depth > _MAX_RESOLVE_DEPTH:
            return None
        self._depth += 1
        try:
            return self._resolve(expr, element)
        except Exception:  # pylint: disable=broad-exception-caught  # unsure means silent
            return None
        finally:
            self._depth -= 1

    def _returned(self, call: nodes.NodeNG, awaited: bool, element: bool) -> nodes.ClassDef | None:
        """The class declared by the return annotation of the function ``call`` calls."""
        if not isinstance(call, nodes.Call):
            return None
        receiver_class: nodes.ClassDef | None = None
        function: nodes.FunctionDef | None = None
        if isinstance(call.func, nodes.Attribute):
            receiver_class = collaborator_class(call.func.expr, self._ctx)
            if receiver_class is not None:
                function = lookup_member(receiver_class, call.func.attrname).function
        if function is None:
            receiver_class = None
            function = _function_of(infer_project(call.func))
        # An async function's annotation describes the awaited value; a sync one's, the call.
        if function is None or isinstance(function, nodes.AsyncFunctionDef) is not awaited:
            return None
        return annotated_return(function, receiver_class, element=element)

    def _name_class(self, name: nodes.Name, element: bool) -> nodes.ClassDef | None:
        """A local bound by ``x = <call>`` or ``for x in <iterable>`` (all bindings agreeing)."""
        _, assignments = name.lookup(name.name)
        if not assignments:
            return None
        found = {self._assignment_class(assignment, element) for assignment in assignments}
        return found.pop() if len(found) == 1 else None

    def _assignment_class(self, assignment: nodes.NodeNG, element: bool) -> nodes.ClassDef | None:
        if not isinstance(assignment, nodes.AssignName):
            return None
        parent = assignment.parent
        if isinstance(parent, nodes.Arguments):
            return annotation_class(_parameter_annotation(parent, assignment), element=element)
        if isinstance(parent, nodes.AnnAssign):
            return annotation_class(parent.annotation, element=element)
        if isinstance(parent, nodes.Assign) and parent.targets == [assignment]:
            return self._declared(parent.value, element)
        loop = isinstance(parent, (nodes.For, nodes.Comprehension))
        if not element and loop and parent.target is assignment:
            return self.element_model_of(parent.iter)
        return None


def _parameter_annotation(
    arguments: nodes.Arguments, parameter: nodes.AssignName
) -> nodes.NodeNG | None:
    groups = (
        (arguments.posonlyargs, arguments.posonlyargs_annotations),
        (arguments.args or [], arguments.annotations),
        (arguments.kwonlyargs, arguments.kwonlyargs_annotations),
    )
    for params, annotated in groups:
        for param, annotation in zip(params, annotated):
            if param is parameter:
                return annotation
    return None
