"""All rules, one module per rule, one subpackage per family (``layering``, ``endpoints``, …).

Every module below this package is imported by :func:`pixcrawler_lint.registry.all_rules`;
a new rule only has to live here and use ``@register``.
"""
