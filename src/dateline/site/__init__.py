"""Stage 3: pure collections over the articles — archive order, tags, periods, pagination and URLs.

Nothing here touches the file system. Pages refer to articles by index into ``Site.articles``.
"""

from __future__ import annotations

from .collect import Period, Site, TagGroup, build_site, collection_key, order_key
from .paginate import Pager, paginate
from .people import EntityKey, EntityPageData, QuoteRef, Speaker, entity_key, refresh_entity
from .urls import UrlScheme

__all__ = [
    "EntityKey",
    "EntityPageData",
    "Pager",
    "Period",
    "QuoteRef",
    "Site",
    "Speaker",
    "TagGroup",
    "UrlScheme",
    "build_site",
    "collection_key",
    "entity_key",
    "order_key",
    "paginate",
    "refresh_entity",
]
