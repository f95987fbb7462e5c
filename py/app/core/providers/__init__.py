"""Video providers: capability data plus a pure request/response codec per provider."""
