"""Family 3: service rules (PXL301–PXL303): services orchestrate repositories, never sessions or SQL."""
