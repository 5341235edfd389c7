"""``saumaton createtoken USERNAME ORGANISATION_ID``: issue an API token (shown once)."""

from django.core.management.base import BaseCommand, CommandError

from saumaton.accounts.models import User
from saumaton.api.models import ApiToken
from saumaton.organisations.models import Organisation


class Command(BaseCommand):
    help = "Issue an API token for a user, scoped to one of the user's organisations."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("organisation_id", type=int)
        parser.add_argument("--name", default="cli")
        parser.add_argument("--days", type=int, default=90, help="validity in days (default 90)")

    def handle(self, *args, username, organisation_id, name, days, **options):
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user {username!r}.")
        organisation = Organisation.objects.filter(pk=organisation_id).first()
        if organisation is None:
            raise CommandError(f"No organisation with id {organisation_id}.")
        if days < 1 or days > 365:
            raise CommandError("--days must be between 1 and 365.")
        try:
            token, key = ApiToken.issue(user=user, organisation=organisation, name=name, days=days)
        except ValueError as exc:
            raise CommandError(f"{exc}; nothing was created.") from exc
        self.stdout.write(
            f"Token for {username} in {organisation} (expires {token.expires_at:%Y-%m-%d}):"
        )
        self.stdout.write(key)
        self.stdout.write(
            "Send it as the header  Authorization: Token <key>. It is not shown again."
        )
