"""`python -m listenwell`: the same command line as `listenwell`."""

from .cli import main

raise SystemExit(main())
