"""Family 6: wiring rules (PXL601–PXL604): factories, dependency aliases, `__all__`."""
