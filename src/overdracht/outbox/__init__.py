"""Every e-mail the product sends goes through the outbox: kept (encrypted) until the mail
server took it, tried again with growing pauses when it did not, and shown to the school's
administrator when it keeps failing. A delivered e-mail is not kept."""
