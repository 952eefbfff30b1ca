"""Page producers: each module yields the :class:`~generator.model.page.Page` objects of one part of
the site, from the :class:`~generator.model.site.SiteModel` alone. The order they run in is
:data:`generator.render.PRODUCERS`."""
