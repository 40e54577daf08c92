"""Pictures of the site and its guides: the site's icon and the 1200×630 image a shared link shows.

Imports only from ``generator.content``. The build (``generator.build.share_images``) decides
which images to draw and keeps them in its cache.
"""
