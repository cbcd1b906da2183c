"""`python -m workshop`: the same entry point as the `workshop` console script."""

import sys

from workshop.cli.main import main

sys.exit(main())
