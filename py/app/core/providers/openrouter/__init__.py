"""OpenRouter's video API (``/videos``): capability data, the live catalogue and a pure codec.

``capabilities``, ``entries``, ``model_rules``, ``frames`` and ``skus`` are standard
library only (the built-in model list and its readings); ``catalogue``, ``jobs``,
``account``, ``errors``, ``create_body``, ``urls`` and ``codec`` make up the codec
(:class:`~.codec.OpenRouterProvider`). This ``__init__`` stays import-light.
"""
