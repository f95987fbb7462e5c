"""Keys and endpoints per provider: save, check, sign in, move to another endpoint, lock.

A key is bound to the endpoint origin it was saved for; changing a provider's base URL
to another origin does not carry the key there unless the user says so. Locking the
vault drops every key from memory, here and in the polling worker.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from app.core.endpoint import check_base_url, display_host
from app.core.errors import InputError
from app.core.i18n import tr
from app.core.key_check_result import KeyCheckResult
from app.core.provider_directory import day_of
from app.core.providers.base import Call
from app.core.state import AppState
from app.core.store import Store
from app.services.key_check import check_key
from app.services.ports import Clock, SignInStore
from app.services.provider_hub import ProviderHub
from app.services.settings_service import SettingsService
from app.services.vault_service import VaultService

PENDING_PROVIDER = "provider"
PENDING_VERIFIER = "verifier"
PENDING_BASE = "base_url"


@dataclass(frozen=True)
class BaseUrlChange:
    """What saving a base URL would do: the clean URL, a warning, and whether a saved key
    would then be sent to a new origin (the user must say yes first)."""

    url: str
    warning: str
    key_origin: str  # "" when no key is saved for the provider
    new_origin: str

    @property
    def moves_key(self) -> bool:
        return bool(self.key_origin) and self.key_origin != self.new_origin


class KeyService:
    def __init__(
        self,
        store: Store[AppState],
        hub: ProviderHub,
        vault: VaultService,
        settings: SettingsService,
        sign_in: SignInStore,
        clock: Clock,
        *,
        on_keys_changed: Callable[[], None],
    ) -> None:
        self.store = store
        self._hub = hub
        self._vault = vault
        self._settings = settings
        self._sign_in = sign_in
        self._clock = clock
        self._on_keys_changed = on_keys_changed  # resume (or pause) what waits for a key

    def _changed(self) -> None:
        self.store.update(vaults=self._vault.statuses(), key_checks={})
        self._on_keys_changed()

    def _origin_now(self, provider_id: str) -> str:
        return self._hub.key_origin(
            provider_id, self._hub.settings.chosen_base_url(self._hub.directory.get(provider_id))
        )

    # -- keys ------------------------------------------------------------------------------
    async def save_key(self, provider_id: str, text: str) -> None:
        await self._vault.save_key(provider_id, self._origin_now(provider_id), text)
        self._changed()
        await self._welcomed()

    async def _welcomed(self) -> None:
        """A key saved is a way of starting: the welcome is not shown again."""
        settings = self._hub.settings
        if not settings.welcome_done:
            self.store.update(settings=await self._settings.change(settings, welcome_done=True))

    async def wipe_key(self, provider_id: str) -> None:
        await self._vault.wipe(provider_id)
        self._changed()

    async def reveal_key(self, provider_id: str) -> str:
        """The plaintext key, only when the user asks to see or copy it."""
        return self._vault.api_key(provider_id, self._vault.bound_origin(provider_id) or self._origin_now(provider_id))

    async def unlock(self, passphrase: str) -> None:
        await self._vault.unlock(passphrase)
        self._changed()

    async def lock(self) -> None:
        self._vault.lock()
        self._changed()

    async def set_passphrase(self, new: str, confirm: str, *, current: str | None = None) -> None:
        if new != confirm:
            raise InputError("confirm_passphrase", tr("backup.passphrase.mismatch"))
        await self._vault.set_passphrase(new, current=current)
        self._changed()

    async def remove_passphrase(self, current: str) -> None:
        await self._vault.remove_passphrase(current)
        self._changed()

    # -- endpoints -----------------------------------------------------------------------------
    async def base_url_change(self, provider_id: str, text: str) -> BaseUrlChange:
        """Check a base URL the user typed ("" = the provider's own), without saving it."""
        provider = self._hub.directory.get(provider_id)
        check = check_base_url(text) if text.strip() else check_base_url(provider.default_base_url)
        if not check.ok:
            raise InputError("base_url", check.error)
        new_origin = self._hub.key_origin(provider_id, check.url)
        return BaseUrlChange(check.url, check.warning, self._vault.bound_origin(provider_id) or "", new_origin)

    async def set_base_url(self, provider_id: str, text: str, *, move_key: bool = False) -> BaseUrlChange:
        """Save a provider's base URL; its key follows to a new origin only with ``move_key``."""
        change = await self.base_url_change(provider_id, text)
        provider = self._hub.directory.get(provider_id)
        stored = "" if change.url == provider.default_base_url else change.url
        settings = self._hub.settings
        updated = await self._settings.change(
            settings, providers=settings.with_provider(provider_id, base_url=stored), demo_mode=False
        )
        self.store.update(settings=updated)
        if change.moves_key and move_key:
            await self._vault.rebind(provider_id, change.new_origin)
        self._changed()
        return change

    async def set_relay(self, provider_id: str, enabled: bool) -> None:
        settings = self._hub.settings
        updated = await self._settings.change(
            settings, providers=settings.with_provider(provider_id, via_relay=enabled)
        )
        self.store.update(settings=updated)
        self._changed()

    # -- checks ------------------------------------------------------------------------------
    async def validate(self, provider_id: str) -> KeyCheckResult:
        """The provider's cheapest authenticated call, and the chosen model."""
        self.store.update(key_checks_running=self.store.state.key_checks_running | {provider_id})
        try:
            provider = self._hub.provider_of(provider_id)
            model_id = self._model_for(provider_id)
            if provider.live_catalogue:
                await self._hub.refresh_catalogue(provider_id, force=True)
                provider = self._hub.provider_of(provider_id)
            host = display_host(self._hub.base_url(provider_id))
            result = await check_key(
                self._hub.live_client(provider_id),
                provider.model(model_id),
                model_id,
                host=host,
                today=day_of(self._clock.now()),
                gone_note=provider.notice,
            )
        finally:
            self.store.update(key_checks_running=self.store.state.key_checks_running - {provider_id})
        self.store.update(key_checks={**self.store.state.key_checks, provider_id: result})
        return result

    def _model_for(self, provider_id: str) -> str:
        draft = self.store.state.draft
        if provider_id == self._hub.active_id and draft.model:
            return draft.model
        chosen = self._hub.settings.provider(provider_id).model
        return chosen or self._hub.provider_of(provider_id).models[0].id

    # -- sign-in (OAuth PKCE) ----------------------------------------------------------------------
    async def start_sign_in(self, provider_id: str, callback_url: str) -> str:
        """The consent page to go to; the verifier waits in this tab for the way back."""
        provider = self._hub.directory.get(provider_id)
        if not provider.sign_in:
            raise InputError("sign_in", tr("svc.sign_in.none", provider=provider.label))
        verifier = self._sign_in.new_verifier()
        challenge = await self._sign_in.challenge(verifier)
        base = self._hub.settings.chosen_base_url(provider)
        self._sign_in.remember({PENDING_PROVIDER: provider_id, PENDING_VERIFIER: verifier, PENDING_BASE: base})
        return self._hub.codec(provider_id).sign_in_url(base, callback_url, challenge)

    def sign_in_pending(self) -> bool:
        return self._sign_in.pending() is not None

    async def finish_sign_in(self, code: str) -> str:
        """Exchange the code for a key and keep it in the vault; returns the provider id.

        Called only while a verifier is pending (an unrelated ``?code=`` is ignored by the page).
        """
        pending = self._sign_in.pending()
        if pending is None:
            raise InputError("sign_in", tr("svc.sign_in.not_waiting"))
        self._sign_in.forget()  # single use, whatever happens next
        provider_id, verifier, base = pending[PENDING_PROVIDER], pending[PENDING_VERIFIER], pending[PENDING_BASE]
        codec = self._hub.codec(provider_id)
        client = self._hub.client(provider_id, base, "")
        response = await client.send(codec.key_exchange_request(base, code, verifier), Call.CHECK)
        key = codec.parse_key_exchange(response)
        await self._vault.save_key(provider_id, self._hub.key_origin(provider_id, base), key)
        self._changed()
        await self._welcomed()
        return provider_id
