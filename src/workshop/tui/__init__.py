"""The facilitator's terminal UI (Textual). Screens and widgets call the domain modules."""
