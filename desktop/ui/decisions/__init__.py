"""The decision log and the decision form: what teams decide, recorded, amended and voided.

`DecisionLogModel` pages the log out of the document's database as the view scrolls;
`DecisionLogPanel` filters it and acts on one decision; `DecisionForm` records a new
decision or an amendment; `VoidDialog` and `ReplyDialog` are the small dialogs around them.
"""
