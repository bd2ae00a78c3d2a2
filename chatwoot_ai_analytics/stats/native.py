# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""How many native threads (OpenBLAS, OpenMP) the analyses give numpy, scipy and scikit-learn.

One. The suite runs on small shared servers (two cores, two Odoo workers): a BLAS or OpenMP
pool per process fights the other workers and the database for the same cores, and is far
slower than a single thread. Measured under load on 2 cores: training the sentiment and intent
classifiers took 5.1 s with the default pool and 0.9 s with one thread; gradient boosting was
10x slower. The refresh, the classifier training and every fit run inside :func:`one_thread`.

>>> with one_thread():
...     pass
"""

# Loaded before the pools are looked up: numpy's and scipy's OpenBLAS, scikit-learn's OpenMP.
import scipy.linalg  # noqa: F401
import sklearn.utils._openmp_helpers  # noqa: F401
from threadpoolctl import ThreadpoolController

#: Native threads per process for the analyses.
NATIVE_THREADS = 1
_CONTROLLER = []


def one_thread():
    """Context manager limiting the native thread pools to :data:`NATIVE_THREADS`.

    The loaded libraries are looked up once per process (about 10 ms each time otherwise)."""
    if not _CONTROLLER:
        _CONTROLLER.append(ThreadpoolController())
    return _CONTROLLER[0].limit(limits=NATIVE_THREADS)
