"""The facilitator console: the MSEL, due injects, inject details and ad-hoc injects."""
