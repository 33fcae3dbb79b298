"""The service catalog: ``CATALOG.get(code)``, ``CATALOG.services_of_unit(unit)``, ``CATALOG.document_types``,
``CATALOG.to_json()``. The data lives in ``catalog_data``; it is checked against the units and workflows at import.
"""

from __future__ import annotations

from app.domain.catalog_data import DOCUMENT_TYPES, SERVICES
from app.domain.catalog_model import Catalog, CatalogDefinitionError, DocumentType, FeeItem, Service
from app.domain.workflows import WORKFLOWS

CATALOG: Catalog = Catalog(SERVICES, DOCUMENT_TYPES, workflow_ids=WORKFLOWS.keys())

__all__ = ["CATALOG", "Catalog", "CatalogDefinitionError", "DocumentType", "FeeItem", "Service"]
