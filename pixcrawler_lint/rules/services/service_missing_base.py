"""PXL303 service-missing-base."""

from __future__ import annotations

from astroid import nodes

from pixcrawler_lint.analysis.classes import inherits, is_service_class, syntactic_base_name
from pixcrawler_lint.context import ModuleContext
from pixcrawler_lint.findings import Severity
from pixcrawler_lint.layers import Layer
from pixcrawler_lint.registry import Rule, register

__all__ = ["ServiceMissingBase"]


def _is_base_init_call(call: nodes.Call, cls: nodes.ClassDef) -> bool:
    """``super().__init__(...)``, ``super(Cls, self).__init__(...)`` or ``Base.__init__(self, ...)``."""
    func = call.func
    if not (isinstance(func, nodes.Attribute) and func.attrname == "__init__"):
        return False
    receiver = func.expr
    if isinstance(receiver, nodes.Call) and syntactic_base_name(receiver.func) == "super":
        return True
    base_names = {syntactic_base_name(base) for base in cls.bases}
    return isinstance(receiver, (nodes.Name, nodes.Attribute)) and syntactic_base_name(receiver) in base_names


def calls_base_init(init: nodes.FunctionDef, cls: nodes.ClassDef) -> bool:
    """True when ``init`` itself (not a nested function) calls the base class ``__init__``."""
    for call in init.nodes_of_class(nodes.Call, skip_klass=(nodes.FunctionDef, nodes.ClassDef, nodes.Lambda)):
        if _is_base_init_call(call, cls):
            return True
    return False


@register
class ServiceMissingBase(Rule):
    """A service does not inherit `BaseService`, or its `__init__` skips `super().__init__()`.

    ## What it does
    Reports a concrete service of the services layer (a class named `*Service` or inheriting
    the `base-service`, default `BaseService`; abstract classes and Protocols exempt) that does
    not inherit the base service, or that defines `__init__` without calling
    `super().__init__()`.

    ## Why is this bad?
    The base service gives every service its logger and `log_operation()`. A service that does
    not inherit it, or skips its initialiser, crashes on the first `self.log_operation(...)`
    with `AttributeError: 'MetricsService' object has no attribute 'logger'`.

    ## Example
    ```python
    class MetricsService:
        def __init__(self, repository: MetricsRepository) -> None:
            self.repository = repository
    ```

    ## Use instead
    ```python
    class MetricsService(BaseService):
        def __init__(self, repository: MetricsRepository) -> None:
            super().__init__()
            self.repository = repository
    ```
    """

    code = "PXL303"
    symbol = "service-missing-base"
    severity = Severity.CONVENTION
    message = "service {name} {problem}: {fix}"

    def check(self, ctx: ModuleContext) -> None:
        if ctx.layer is not Layer.SERVICES:
            return
        base = ctx.config.base_service
        for cls in ctx.nodes_of(nodes.ClassDef):
            if not is_service_class(cls, ctx.config, ctx.modname):
                continue
            if not inherits(cls, base):
                ctx.report(
                    self, cls, name=cls.name, problem=f"does not inherit {base}",
                    fix=f"declare class {cls.name}({base}) and call super().__init__() in __init__",
                )
                continue
            init = next((d for d in cls.locals.get("__init__", []) if isinstance(d, nodes.FunctionDef)), None)
            if init is not None and not calls_base_init(init, cls):
                ctx.report(
                    self, cls, name=cls.name, problem="__init__ does not call super().__init__()",
                    fix=f"call super().__init__() at the start of {cls.name}.__init__",
                )
