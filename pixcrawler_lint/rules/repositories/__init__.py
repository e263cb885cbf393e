"""Family 4: repository and collaborator rules (PXL401–PXL406): the house repository API, calls that cannot bind."""
