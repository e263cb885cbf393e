"""Family 5: model rules (PXL501–PXL503) on SQLAlchemy declarative models."""
