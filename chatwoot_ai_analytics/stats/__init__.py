# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Pure customer statistics for ``chatwoot_ai_analytics``: RFM scoring and BTYD / CLV models.

Nothing in this package imports ``odoo``. The models read plain tuples and arrays out of the
database, call these functions and write the plain results back, so every formula here is unit
tested without a database:

* :mod:`.rfm`: quintile R/F/M scores and the eleven RFM segments;
* :mod:`.clv`: BG/NBD and Gamma-Gamma fits, P(alive), expected purchases and discounted CLV;
* :mod:`.clusters`: k-means customer clusters, k by silhouette, readable profiles;
* :mod:`.churn`: churn features at any cutoff, temporal-holdout classifier, reasons, blending;
* :mod:`.journey`: journey stages and monthly stage transitions;
* :mod:`.basket`: bought-together pair rules (support, confidence, lift) with sparse XᵀX;
* :mod:`.trends`: rising / declining products with a quasi-Poisson two-window test;
* :mod:`.uplift`: promotion uplift, difference-in-differences, bootstrap interval;
* :mod:`.service`: Chatwoot's service-efficiency metrics per inbox, channel, agent, period.

The submodules are not imported here on purpose: RFM needs numpy only, CLV also loads scipy.
"""
