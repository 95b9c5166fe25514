"""Development tools that are not part of the product (the evaluation against gold: `make eval`)."""
