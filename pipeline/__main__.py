"""``python -m pipeline`` runs the vanban command line."""
import sys

from pipeline.cli import main

sys.exit(main())
