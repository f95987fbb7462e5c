"""What ``serve.py`` adds to plain file serving: access rules, security headers, the relay.

Standard library only, like ``serve.py`` itself: the local server must start with a bare
``python3`` before anything is installed.
"""
