"""Family 2: endpoint rules (PXL201–PXL211) on FastAPI routes."""
