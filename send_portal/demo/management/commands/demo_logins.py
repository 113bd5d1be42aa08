from django.core.management.base import BaseCommand

from send_portal.demo.core import DEMO_PASSWORD, demo_logins


class Command(BaseCommand):
    help = "Print the demo logins."

    def handle(self, *args, **options):
        self.stdout.write("")
        self.stdout.write("SEND programme portal: http://127.0.0.1:8000/")
        self.stdout.write(f"Demo logins (password for all: {DEMO_PASSWORD}):")
        for email, role in demo_logins():
            self.stdout.write(f"  {email:<24} {role}")
        self.stdout.write("Press Ctrl-C to stop the web server, worker and beat.")
        self.stdout.write("")
