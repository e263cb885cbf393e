"""Family 4: repository and collaborator rules (PXL401–PXL405): the house repository API, calls that cannot bind."""
