"""The batch's own words, in English and Turkish: why a row did not run (by its batch.* id) and the
labels of the HTML summary. The checks' diagnoses come from resources/diagnoses/ as for `check`."""

from __future__ import annotations

ROW_TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "batch.cancelled": "Stopped before this row ran.",
        "batch.internal": "A bug in the tool stopped this row ({error}); the other rows went on.",
        "batch.cancelled-running": "Stopped while this row ran.",
        "batch.deferred": "Not tried: this server showed signs of rate limiting or lockout, so its remaining "
                          "rows were left for later.",
        "batch.no-server": "No server was given, and none was found for this domain.",
        "batch.no-server-error": "No server was given, and finding one failed: {error}",
        "batch.no-password": "The row has neither a password nor a password_ref.",
        "batch.duplicate": "Not tried: row {first} has the same login on the same server, and each account "
                           "gets one attempt.",
        "batch.secret-env": "The environment variable {name} is not set or empty.",
        "batch.secret-file": "Cannot read the password file {path}: {reason}.",
        "batch.secret-file-kind": "The password file {path} is not a regular file.",
        "batch.secret-file-size": "The password file {path} is too large for a password.",
        "batch.secret-file-utf8": "The password file {path} is not UTF-8 text.",
        "batch.secret-file-empty": "The password file {path} is empty.",
        "batch.secret-file-open": "The password file {path} can be read by others (or is not yours): "
                                  "run chmod 600 {path}.",
        "batch.secret-prompt": "No password was typed for {ref}.",
        "batch.secret-invalid": "The password contains a line break, which cannot be sent.",
        "batch.oauth-no-token": "Not tried: no refresh token is remembered for {user} (a batch never opens a "
                                "browser). Sign in once with mailtester check --oauth ... --oauth-remember.",
        "batch.oauth-refused": "Not tried: the provider refused the remembered refresh token ({reason}); it was "
                               "revoked or has expired. Sign in again with mailtester check --oauth ... "
                               "--oauth-remember.",
        "batch.oauth-error": "Not tried: no access token could be had from the provider: {reason}",
    },
    "tr": {
        "batch.cancelled": "Bu satır çalışmadan önce durduruldu.",
        "batch.internal": "Programdaki bir hata bu satırı durdurdu ({error}); diğer satırlar devam etti.",
        "batch.cancelled-running": "Bu satır çalışırken durduruldu.",
        "batch.deferred": "Denenmedi: bu sunucu hız sınırı ya da hesap kilitleme belirtileri gösterdi; kalan "
                          "satırları sonraya bırakıldı.",
        "batch.no-server": "Sunucu verilmemiş ve bu alan adı için de bulunamadı.",
        "batch.no-server-error": "Sunucu verilmemiş ve aranırken bir hata oldu: {error}",
        "batch.no-password": "Satırda ne parola ne de password_ref var.",
        "batch.duplicate": "Denenmedi: {first}. satırda aynı sunucuda aynı giriş var ve her hesap yalnızca bir "
                           "kez denenir.",
        "batch.secret-env": "{name} ortam değişkeni tanımlı değil ya da boş.",
        "batch.secret-file": "{path} parola dosyası okunamıyor: {reason}.",
        "batch.secret-file-kind": "{path} parola dosyası sıradan bir dosya değil.",
        "batch.secret-file-size": "{path} parola dosyası bir parola için fazla büyük.",
        "batch.secret-file-utf8": "{path} parola dosyası UTF-8 metin değil.",
        "batch.secret-file-empty": "{path} parola dosyası boş.",
        "batch.secret-file-open": "{path} parola dosyasını başkaları da okuyabiliyor (ya da dosya sizin değil): "
                                  "chmod 600 {path} komutunu çalıştırın.",
        "batch.secret-prompt": "{ref} için parola yazılmadı.",
        "batch.secret-invalid": "Parola bir satır sonu içeriyor; gönderilemez.",
        "batch.oauth-no-token": "Denenmedi: {user} için anahtar zincirinde saklı bir yenileme belirteci yok "
                                "(toplu denetim hiçbir zaman tarayıcı açmaz). Bir kez mailtester check --oauth ... "
                                "--oauth-remember ile oturum açın.",
        "batch.oauth-refused": "Denenmedi: sağlayıcı saklı yenileme belirtecini reddetti ({reason}); belirteç "
                               "iptal edilmiş ya da süresi dolmuş. mailtester check --oauth ... --oauth-remember "
                               "ile yeniden oturum açın.",
        "batch.oauth-error": "Denenmedi: sağlayıcıdan erişim belirteci alınamadı: {reason}",
    },
}

HTML_TEXTS: dict[str, dict[str, str]] = {
    "en": {"title": "Mail Account Tester: batch results", "rows": "{total} rows in {seconds} s",
           "stopped": " (stopped before the end)", "throttled": "Servers that showed rate-limit or lockout signs "
           "(their remaining rows were deferred):", "outcomes": "Outcomes", "outcome": "outcome", "count": "rows",
           "diagnoses": "Diagnoses", "diagnosis": "diagnosis", "id": "id", "domains": "By domain",
           "domain": "domain", "attention": "Rows that need attention", "fine": "Rows that logged in",
           "row": "row {number}", "said": "The server said:",
           "ok": "Logged in", "refused": "Refused", "failed": "Failed", "no-server": "No server",
           "deferred": "Deferred", "cancelled": "Cancelled"},
    "tr": {"title": "Mail Account Tester: toplu denetim sonuçları", "rows": "{total} satır, {seconds} sn",
           "stopped": " (sona varmadan durduruldu)", "throttled": "Hız sınırı ya da kilitleme belirtisi gösteren "
           "sunucular (kalan satırları ertelendi):", "outcomes": "Sonuçlar", "outcome": "sonuç", "count": "satır",
           "diagnoses": "Tanılar", "diagnosis": "tanı", "id": "kimlik", "domains": "Alan adına göre",
           "domain": "alan adı", "attention": "İlgilenilmesi gereken satırlar", "fine": "Giriş yapabilen satırlar",
           "row": "{number}. satır", "said": "Sunucunun yanıtı:",
           "ok": "Giriş yaptı", "refused": "Reddedildi", "failed": "Başarısız", "no-server": "Sunucu yok",
           "deferred": "Ertelendi", "cancelled": "İptal edildi"},
}


def row_text(id: str, lang: str = "en", **params: object) -> str:
    """Why a row did not run, in the language asked for (English when it has no text)."""
    texts = ROW_TEXTS.get(lang, ROW_TEXTS["en"])
    return texts.get(id, ROW_TEXTS["en"].get(id, id)).format(**params)


def html_text(key: str, lang: str = "en") -> str:
    return HTML_TEXTS.get(lang, HTML_TEXTS["en"]).get(key, HTML_TEXTS["en"][key])
