from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "occupy.people"

    def ready(self):
        from occupy.people.accounts import register_mail_links

        register_mail_links()
