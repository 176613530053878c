"""Accounts of submitters and speakers (public URLs under /account/): sign up, verify, sign in and out,
password reset, and the speaker profile. Every page here is private (never cached)."""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils import translation
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from occupy.people import accounts
from occupy.people.account_forms import OutboxPasswordResetForm, ProfileForm, SignInForm, SignUpForm
from occupy.registration.views.headers import private_page
from occupy.web import ratelimit

SIGN_IN = "people:login"
AFTER_VERIFY = "account_after_verify"


def _too_many():
    return _("Too many attempts from here; please wait a while and try again.")


def _next_url(request) -> str:
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url and url_has_allowed_host_and_scheme(url, {request.get_host()}, request.is_secure()):
        return url
    return ""


@private_page
def signup(request):
    form = SignUpForm(request.POST or None)
    context = {"form": form, "next": _next_url(request)}
    if request.method == "POST":
        email = request.POST.get("email", "")[:150]
        if ratelimit.ip_over_limit(request, "signup") or (email and ratelimit.address_over_limit(email, "signup")):
            return render(request, "people/account/signup.html", {**context, "limit_message": _too_many()}, status=429)
        if form.is_valid():
            accounts.sign_up(
                name=form.cleaned_data["name"],
                email=form.cleaned_data["email"],
                password=form.cleaned_data["password"],
                language=translation.get_language(),
            )
            if context["next"]:
                # Where the confirmation leads, when it is opened in this browser (an invitation, say). Kept in the
                # session rather than in the e-mail's link: the outbox never stores such links.
                request.session[AFTER_VERIFY] = context["next"]
            return render(request, "people/account/signup_sent.html", {"email": form.cleaned_data["email"]})
        return render(request, "people/account/signup.html", context, status=400)
    return render(request, "people/account/signup.html", context)


@private_page
def verify(request, token):
    """GET shows a button (mail scanners follow links); POST verifies the address and signs the account in."""
    if request.method != "POST":
        return render(request, "people/account/verify.html", {"token": token})
    next_url = request.session.get(AFTER_VERIFY, "")
    user = accounts.verify_account(token=token)
    if user is None:
        return render(request, "people/account/verify_invalid.html", status=400)
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    messages.success(request, _("Your e-mail address is confirmed and you are signed in."))
    return redirect(next_url or "people:profile")


@method_decorator(private_page, name="dispatch")
class SignInView(auth_views.LoginView):
    """Django's sign-in with our form and page, limited against password guessing by failures only (per client
    IP and per address), as the admin's sign-in is (web/views.py admin_login)."""

    form_class = SignInForm
    template_name = "people/account/login.html"
    redirect_authenticated_user = True
    next_page = reverse_lazy("cfp:my-submissions")

    def post(self, request, *args, **kwargs):
        if ratelimit.sign_in_ip_limited(request, "account-login"):
            return self._limited()
        username = request.POST.get("username", "")[:150]
        name_limited = bool(username) and ratelimit.sign_in_name_limited(username, "account-login")
        response = super().post(request, *args, **kwargs)
        if response.status_code == 302 and request.user.is_authenticated:
            return response
        ratelimit.count_sign_in_failure(request, username, "account-login")
        if name_limited:
            return self._limited()
        response.status_code = 400
        return response

    def _limited(self):
        context = self.get_context_data(form=self.get_form_class()(self.request), limit_message=_too_many())
        return self.render_to_response(context, status=429)


@method_decorator(private_page, name="dispatch")
class SignOutView(auth_views.LogoutView):
    next_page = reverse_lazy(SIGN_IN)


@method_decorator(private_page, name="dispatch")
class PasswordResetView(auth_views.PasswordResetView):
    form_class = OutboxPasswordResetForm
    template_name = "people/account/password_reset.html"
    success_url = reverse_lazy("people:password-reset-done")

    def post(self, request, *args, **kwargs):
        email = request.POST.get("email", "")[:254]
        if ratelimit.ip_over_limit(request, "reset") or (email and ratelimit.address_over_limit(email, "reset")):
            context = self.get_context_data(form=self.get_form(), limit_message=_too_many())
            return self.render_to_response(context, status=429)
        return super().post(request, *args, **kwargs)


@method_decorator(private_page, name="dispatch")
class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "people/account/password_reset_confirm.html"
    success_url = reverse_lazy("people:password-reset-complete")


password_reset_done = private_page(
    auth_views.PasswordResetDoneView.as_view(template_name="people/account/password_reset_done.html")
)
password_reset_complete = private_page(
    auth_views.PasswordResetCompleteView.as_view(template_name="people/account/password_reset_complete.html")
)


@private_page
@login_required(login_url=SIGN_IN)
def profile(request):
    """The speaker profile: one per account, reused across editions, public once they speak in a published
    programme. A refused photo keeps everything else typed (the form is shown again, bound)."""
    person = accounts.get_or_create_profile(user=request.user)
    form = ProfileForm(request.POST or None, request.FILES or None, instance=person)
    if request.method == "POST":
        if form.is_valid():
            fields = {name: form.cleaned_data[name] for name in ProfileForm.Meta.fields}
            accounts.save_profile(person=person, fields=fields, photo=form.cleaned_data["photo"])
            messages.success(request, _("Your profile is saved."))
            return redirect("people:profile")
        return render(request, "people/account/profile.html", {"form": form, "person": person}, status=400)
    return render(request, "people/account/profile.html", {"form": form, "person": person})
