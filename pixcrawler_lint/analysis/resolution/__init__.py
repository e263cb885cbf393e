"""Collaborator resolution, one small resolver per shape of code.

:func:`pixcrawler_lint.analysis.collaborators.collaborator_class` is the one entry point; the
modules here are what it is made of, each named after the shape it understands:

- :mod:`.type_annotations` — the class an annotation names (``Optional[X]``, ``XDep`` aliases…);
- :mod:`.members` — members through the MRO, and which classes are the project's;
- :mod:`.returns` — return annotations, TypeVars of generic bases substituted;
- :mod:`.resolver` — the per-module memo and the dispatch between the resolvers below;
- :mod:`.bindings` — parameters, locals and ``self``;
- :mod:`.attributes` — ``self.x`` assignments and class-level annotations (dataclass fields,
  class-based views);
- :mod:`.accessors` — ``@property`` / ``functools.cached_property``;
- :mod:`.chains` — ``a.b.c`` hops, each of which must resolve;
- :mod:`.singletons` — module-level instances bound once, imported elsewhere;
- :mod:`.factories` — ``Repo.from_session(session)`` classmethod / staticmethod factories;
- :mod:`.helper_returns` — ``x = make_x()`` / ``a, b = make_services()`` from a helper's return;
- :mod:`.module_imports` — ``crud`` / ``service`` modules named by an import;
- :mod:`.module_functions` — project functions of the services/repositories layers.
"""
