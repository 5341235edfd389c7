"""One outbox for everything Saumaton sends to people and institutions.

Why one outbox: a message to a jobseeker (e-mail, SMS) or to Kela or an unemployment fund (an
issued labour-policy statement) is a business fact that must survive a crash, a mail-server
outage and a retry without being lost or sent twice. The casework writes a row
(``services.enqueue``) in the same transaction as the decision that caused it; a separate run of
``saumaton deliver_outbox`` hands queued rows to the transport configured for their channel
(``transports``): a local directory in the demo, SMTP for e-mail in production.
"""
