"""Turkish translations of the window's strings, applied to the Qt .ts file.

    .venv/bin/pyside6-lupdate -no-obsolete $(find gui/mailtester/qt -name '*.py') \
        -ts resources/translations/mailtester_tr.ts
    .venv/bin/python packaging/ui_tr.py resources/translations/mailtester_tr.ts

The second also compiles the .ts to the .qm beside it (pyside6-lrelease): the .qm
is committed, so a wheel, the bundle and the .deb take it from resources/, and
tests/qt/test_translations_install.py fails when it is not the .ts's.

Reviewers edit this table (or the .ts in Qt Linguist); a test fails when a
string of the window has no Turkish translation.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

TR = {
    # the batch window (qt/batch/)
    "Check many accounts\u2026": "Bir&çok hesabı test et\u2026",  # ç is free in Turkish; no English letter is
    "Check the accounts of a CSV or Excel sheet at once (Ctrl+B)":
        "Bir CSV veya Excel tablosundaki hesapları birlikte test edin (Ctrl+B)",
    "Check many accounts": "Birçok hesabı test et",
    "&Open file\u2026": "Dosya &aç\u2026",
    "A CSV or Excel (.xlsx) file with a column of email addresses":
        "E-posta adresleri sütunu olan bir CSV veya Excel (.xlsx) dosyası",
    "&Paste rows\u2026": "Satırları &yapıştır\u2026",
    "Co&lumns\u2026": "&Sütunlar\u2026",
    "Which column of the sheet holds what": "Tablonun hangi sütununda ne var",
    "No sheet yet: open a file or paste rows.": "Henüz tablo yok: bir dosya açın veya satırları yapıştırın.",
    "Rows to check": "Test edilecek satırlar",
    "&Use these rows": "Bu satırları &kullan",
    "Columns of the sheet": "Tablonun sütunları",
    "Email or user name": "E-posta veya kullanıcı adı",
    "Login name": "Giriş adı",
    "Password reference": "Parola başvurusu",
    "Column for: %1": "Şunun sütunu: %1",
    "Protocol for the rows that name none": "Protokol belirtmeyen satırlar için protokol",
    "As each row says (SMTP when it says nothing)": "Her satırda yazdığı gibi (yazmıyorsa SMTP)",
    "Receiving (IMAP)": "Gelen posta (IMAP)",
    "Receiving (POP3)": "Gelen posta (POP3)",
    "P&rotocol:": "P&rotokol:",
    "Optional: for servers with a private CA": "İsteğe bağlı: kendi CA'sı olan sunucular için",
    "Choose an extra CA certificate file": "Ek bir CA sertifika dosyası seçin",
    "&Start": "&Başlat",
    "One login attempt per account: a failed try is never repeated":
        "Hesap başına tek giriş denemesi: başarısız bir deneme asla tekrarlanmaz",
    "S&top": "&Durdur",
    "The rows checked stay; the others are not tried": "Test edilen satırlar kalır; diğerleri denenmez",
    "Accounts checked": "Test edilen hesaplar",
    "Rows shown": "Gösterilen satırlar",
    "Sho&w:": "&Göster:",
    "Accounts and their results": "Hesaplar ve sonuçları",
    "Table corner": "Tablo köşesi",
    "Choose a row to see its test.": "Testini görmek için bir satır seçin.",
    "A sheet has a header row and one row per account: a column of email addresses or user names, and a "
    "password_ref column (env:NAME, file:PATH, or prompt to be asked here) or a password column. Columns for the "
    "server (host, port, security, protocol, mechanism) are optional; Columns\u2026 says which column holds what.":
        "Bir tabloda bir başlık satırı ve her hesap için bir satır bulunur: e-posta adresleri veya kullanıcı "
        "adlarından oluşan bir sütun ve bir password_ref sütunu (env:AD, file:YOL ya da burada sorulması için "
        "prompt) veya bir parola sütunu. Sunucu sütunları (host, port, security, protocol, mechanism) isteğe "
        "bağlıdır; hangi sütunda ne olduğunu Sütunlar\u2026 ile belirtebilirsiniz.",
    "Timeline of the selected account": "Seçilen hesabın zaman çizelgesi",
    "Diagnosis of the selected account": "Seçilen hesabın tanısı",
    "Export &CSV\u2026": "CSV olarak dışa ak&tar\u2026",
    "The sheet's columns and each row's result; no password": "Tablonun sütunları ve her satırın sonucu; parola yok",
    "Export &HTML\u2026": "&HTML olarak dışa aktar\u2026",
    "A summary page with each row's timeline and diagnosis":
        "Her satırın zaman çizelgesi ve tanısıyla bir özet sayfası",
    "Open a sheet of accounts": "Bir hesap tablosu açın",
    "Sheets (*.csv *.xlsx *.txt);;All files (*)": "Tablolar (*.csv *.xlsx *.txt);;Tüm dosyalar (*)",
    "Accounts pasted: %1": "Yapıştırılan hesaplar: %1",
    "Stopped before or during its test": "Testinden önce veya testi sırasında durduruldu",
    "Not tried: its server showed signs of rate limiting": "Denenmedi: sunucusu hız sınırlaması belirtileri gösterdi",
    "No server given, and none found for its domain": "Sunucu verilmedi ve alan adı için de bulunamadı",
    "No password or password reference in the row": "Satırda parola veya parola başvurusu yok",
    "The password's environment variable is not set": "Parolanın ortam değişkeni tanımlı değil",
    "Not tried: the same login as an earlier row": "Denenmedi: önceki bir satırla aynı giriş",
    "The password file cannot be used": "Parola dosyası kullanılamıyor",
    "The password file can be read by others": "Parola dosyası başkalarınca okunabiliyor",
    "No password was typed for its reference": "Başvurusu için parola yazılmadı",
    "The password cannot be sent as it is": "Parola olduğu gibi gönderilemiyor",
    "This sheet cannot be used: %1": "Bu tablo kullanılamıyor: %1",
    "Accounts in %1: %2": "%1 içindeki hesaplar: %2",
    "(none)": "(yok)",
    "No column of passwords or password references was recognised: choose it under Columns of the sheet.":
        "Parola veya parola başvurusu sütunu tanınmadı: onu Tablonun sütunları bölümünden seçin.",
    "This sheet holds passwords in clear: keep it safe, and consider a password_ref column instead (env:NAME, "
    "file:PATH or prompt). No password is shown or saved here.":
        "Bu tabloda parolalar açık olarak duruyor: onu güvende tutun ve yerine bir password_ref sütunu kullanmayı "
        "düşünün (env:AD, file:YOL veya prompt). Burada hiçbir parola gösterilmez veya kaydedilmez.",
    "The extra CA file %1 does not exist.": "Ek CA dosyası %1 yok.",
    "The run stopped: %1": "Çalışma durdu: %1",
    "%1 of %2 checked": "%2 hesaptan %1 tanesi test edildi",
    "works: %1": "çalışan: %1",
    "failed: %1": "başarısız: %1",
    "not checked: %1": "test edilmeyen: %1",
    "stopping\u2026": "durduruluyor\u2026",
    "about %1 left": "yaklaşık %1 kaldı",
    "took %1": "%1 sürdü",
    "%1 s": "%1 sn",
    "%1 min": "%1 dk",
    "%1 ms": "%1 ms",
    "All accounts (%1)": "Tüm hesaplar (%1)",
    "Failed (%1)": "Başarısız (%1)",
    "Not checked (%1)": "Test edilmeyen (%1)",
    "CSV files (*.csv)": "CSV dosyaları (*.csv)",
    "HTML pages (*.html)": "HTML sayfaları (*.html)",
    "Export the results": "Sonuçları dışa aktar",
    "Could not save the results: %1": "Sonuçlar kaydedilemedi: %1",
    "Results saved to %1": "Sonuçlar %1 dosyasına kaydedildi",
    "The sheet is empty: it needs a header row and one row per account.":
        "Tablo boş: bir başlık satırı ve her hesap için bir satır gerekir.",
    "The file is not UTF-8 text. Save it as \u201cCSV UTF-8\u201d or as an Excel workbook (.xlsx).":
        "Dosya UTF-8 metin değil. Onu \u201cCSV UTF-8\u201d olarak veya bir Excel çalışma kitabı (.xlsx) olarak "
        "kaydedin.",
    "This is not a readable Excel workbook.": "Bu, okunabilir bir Excel çalışma kitabı değil.",
    "The file is too large for a sheet of accounts.": "Dosya bir hesap tablosu için çok büyük.",
    "The sheet has too many rows.": "Tabloda çok fazla satır var.",
    "The file cannot be read.": "Dosya okunamıyor.",
    "No column of email addresses or user names was recognised: choose it under Columns of the sheet.":
        "E-posta adresi veya kullanıcı adı sütunu tanınmadı: onu Tablonun sütunları bölümünden seçin.",
    "The sheet has no column %1.": "Tabloda %1 sütunu yok.",
    "Row %1, column %2: %3": "Satır %1, sütun %2: %3",
    "The sheet asks for the password of \u201c%1\u201d. Accounts that use it: %2 (%3)":
        "Tablo \u201c%1\u201d parolasını istiyor. Onu kullanan hesaplar: %2 (%3)",
    "It is used for this run only and is not kept.": "Yalnızca bu çalışma için kullanılır ve saklanmaz.",
    "Works": "Çalışıyor",
    "Refused": "Reddedildi",
    "Failed": "Başarısız",
    "Deferred: the server asked to wait": "Ertelendi: sunucu beklemeyi istedi",
    "Stopped": "Durduruldu",
    "No server given": "Sunucu verilmedi",
    "Waiting": "Bekliyor",
    "#": "#",
    "Account": "Hesap",
    "Result": "Sonuç",
    "Time": "Süre",
    # (end of the batch window)
    "%1 refused the connection": "%1 bağlantıyı reddetti",
    "%1\nNot valid base64: shown as the server sent it.":
        "%1\nGeçerli base64 değil: sunucunun gönderdiği gibi gösteriliyor.",
    "&Browse…": "Gö&zat…",
    "&Email or user name:": "&E-posta veya kullanıcı adı:",
    "&Language:": "&Dil:",
    "&Method:": "&Yöntem:",
    "&Provider:": "&Sağlayıcı:",
    "The password is kept in the system keychain, never in a file.":
        "Parola sistem anahtarlığında tutulur, hiçbir zaman bir dosyada değil.",
    "&Server:": "S&unucu:",
    "(new account)": "(yeni hesap)",
    "Account and password forgotten.": "Hesap ve parola unutuldu.",
    "Advanced": "Gelişmiş",
    "Only on a network you trust: without encryption the password can be read on its way.":
        "Yalnızca güvendiğiniz bir ağda: şifreleme olmadan parola yolda okunabilir.",
    "Automatic": "Otomatik",
    "automatic": "otomatik",
    "Cancel the test": "Testi iptal et",
    "Cannot reach %1: %2": "%1 adresine ulaşılamıyor: %2",
    "Certificate shown by the server": "Sunucunun gösterdiği sertifika",
    "Certificate trusted for this server. Test again.": "Bu sunucu için sertifikaya güvenildi. Yeniden test edin.",
    "Certificates (*.pem *.crt *.cer);;All files (*)": "Sertifikalar (*.pem *.crt *.cer);;Tüm dosyalar (*)",
    "Choose a CA certificate file": "Bir CA sertifika dosyası seçin",
    "Connect": "Bağlan",
    "Connected to %1 port %2": "%1 adresine, %2 numaralı bağlantı noktasından bağlanıldı",
    "Connecting to %1 port %2": "%1 adresine, %2 numaralı bağlantı noktasından bağlanılıyor",
    "Cop&y report": "Raporu kopyala",  # no letter left for it in Turkish
    "Could not save the report: %1": "Rapor kaydedilemedi: %1",
    "Demo server (built in)": "Tanıtım sunucusu (yerleşik)",
    "Demo server (wrong password)": "Tanıtım sunucusu (yanlış parola)",
    "Diagnosis": "Tanı",
    "Discarded data the server sent after 220 and before encryption started":
        "Sunucunun 220'den sonra ve şifreleme başlamadan önce gönderdiği veriler atıldı",
    "Email address or user name": "E-posta adresi veya kullanıcı adı",
    "Each failed try may count toward the provider's lockout.":
        "Her başarısız deneme, sağlayıcının kilidine sayılabilir.",
    "Encrypt": "Şifrele",
    "Encryption": "Şifreleme",
    "Enter only the server name, without a path or an @.": "Yalnızca sunucu adını, yol ve @ olmadan girin.",
    "Enter only the server name, without a prefix like smtp:// or https://.":
        "Yalnızca sunucu adını, smtp:// veya https:// gibi bir önek olmadan girin.",
    "Enter the access token.": "Erişim belirtecini girin.",
    "Enter the email address or user name.": "E-posta adresini veya kullanıcı adını girin.",
    "Enter the password.": "Parolayı girin.",
    "Enter the port in its own field, not after the server name.":
        "Bağlantı noktasını sunucu adının ardına değil, kendi alanına girin.",
    "Enter the server name, for example smtp.example.com.": "Sunucu adını girin, örneğin smtp.example.com.",
    "Every line exchanged with the server, with decoded challenges":
        "Sunucuyla alınıp verilen her satır, çözülmüş sorgularla birlikte",
    "Expires": "Bitiş",
    "Extra CA certificate file": "Ek CA sertifika dosyası",
    "Fill in the account and choose Test account. The password is sent only over an encrypted connection unless "
    "you allow otherwise.": "Hesabı doldurun ve Hesabı test et'i seçin. Aksine izin vermedikçe parola yalnızca "
                           "şifreli bir bağlantı üzerinden gönderilir.",
    "Fill in the account and choose Test account. The OAuth2 access token is sent only over an encrypted "
    "connection unless you allow otherwise.": "Hesabı doldurun ve Hesabı test et'i seçin. Aksine izin vermedikçe "
                                             "OAuth2 erişim belirteci yalnızca şifreli bir bağlantı üzerinden "
                                             "gönderilir.",
    "Forget": "Unut",
    "Forget the trusted certificate": "Güvenilen sertifikayı unut",
    "Gave up: the whole test took longer than %1 s": "Vazgeçildi: testin tamamı %1 saniyeden uzun sürdü",
    "Greet": "Karşıla",
    "Handshake timeline": "El sıkışma zaman çizelgesi",
    "Hide": "Gizle",
    "IP version": "IP sürümü",
    "IPv4 only": "Yalnızca IPv4",
    "IPv6 only": "Yalnızca IPv6",
    "Issuer": "Veren",
    "Language of the window": "Pencerenin dili",
    "Log in": "Giriş yap",
    "Looking up %1": "%1 aranıyor",
    "Mail Account Tester": "Mail Account Tester",  # the product name stays
    "Markdown (*.md)": "Markdown (*.md)",
    "HTML (*.html)": "HTML (*.html)",
    "Method": "Yöntem",
    "Names": "Adlar",
    "No greeting from the server within %1 s": "Sunucudan %1 saniye içinde karşılama gelmedi",
    "No reply from the server within %1 s": "Sunucudan %1 saniye içinde yanıt gelmedi",
    "No answer from %1 within %2 s": "%1 adresinden %2 saniye içinde yanıt gelmedi",
    "No system keychain is available, so the password is kept only until you close this window. It is never "
    "written to a file.": "Kullanılabilir bir sistem anahtarlığı yok; bu yüzden parola yalnızca bu pencereyi "
                          "kapatana kadar tutulur. Hiçbir zaman bir dosyaya yazılmaz.",
    "None": "Yok",
    "None (unencrypted)": "Yok (şifrelenmemiş)",
    "Note": "Not",
    "OAuth2 access token": "OAuth2 erişim belirteci",
    "Only trust this certificate if you know it belongs to %1, for example a mail bridge on this computer or a "
    "server your organization runs.\n\nFrom now on the test will accept exactly this certificate for this server "
    "and port, and refuse any other.": "Bu sertifikaya yalnızca %1 sunucusuna ait olduğunu biliyorsanız güvenin; "
                                       "örneğin bu bilgisayardaki bir posta köprüsü ya da kuruluşunuzun "
                                       "çalıştırdığı bir sunucu.\n\nBundan sonra test, bu sunucu ve bağlantı "
                                       "noktası için tam olarak bu sertifikayı kabul edecek, başka her sertifikayı "
                                       "reddedecek.",
    "Outgoing mail server": "Giden posta sunucusu",
    "Pass&word:": "Paro&la:",
    "Password": "Parola",
    "Port": "Bağlantı noktası",
    "Provider": "Sağlayıcı",
    "Provider presets": "Sağlayıcı ön ayarları",
    "Report copied (Markdown, password removed).": "Rapor kopyalandı (Markdown, parola çıkarıldı).",
    "Report saved as %1": "Rapor kaydedildi: %1",
    "Open folder": "Klasörü aç",
    "Open the folder of the saved report": "Kaydedilen raporun klasörünü aç",
    "SHA-256 fingerprint": "SHA-256 parmak izi",
    "SSL/TLS": "SSL/TLS",
    "STARTTLS": "STARTTLS",
    "Sa&ved accounts:": "&Kayıtlı hesaplar:",
    "Save report": "Raporu kaydet",
    "Saved accounts": "Kayıtlı hesaplar",
    "Se&curity:": "&Güvenlik:",
    "Security": "Güvenlik",
    "Server": "Sunucu",
    "Server asks: %1": "Sunucu soruyor: %1",
    "Server offers %1; using %2": "Sunucu şunları sunuyor: %1; kullanılan: %2",
    "Server sent": "Sunucu gönderdi",
    "Show": "Göster",
    "Show password": "Parolayı göster",
    "Starting TLS": "TLS başlatılıyor",
    "Subject": "Sahibi",
    "System default": "Sistem varsayılanı",
    "TLS established: %1, %2": "TLS kuruldu: %1, %2",
    "TLS established: %1, %2 (certificate pinned by you)": "TLS kuruldu: %1, %2 (sertifikayı siz sabitlediniz)",
    "TLS failed: %1": "TLS başarısız: %1",
    "TLS failed: the certificate changed since you trusted it":
        "TLS başarısız: sertifika, ona güvendiğinizden beri değişti",
    "Testing…": "Test ediliyor…",
    "The language changes the next time the window opens.": "Dil, pencere bir sonraki açılışında değişir.",
    "The name lookup did not answer in time": "Ad çözümlemesi zamanında yanıt vermedi",
    "The name was not found: %1": "Ad bulunamadı: %1",
    "The password contains a line break, which cannot be sent.": "Parola, gönderilemeyecek bir satır sonu içeriyor.",
    "The port must be a number from 1 to 65535.": "Bağlantı noktası 1 ile 65535 arasında bir sayı olmalıdır.",
    "The server accepted the user name and password. Use these settings in your mail program:":
        "Sunucu kullanıcı adını ve parolayı kabul etti. Posta programınızda şu ayarları kullanın:",
    "The server closed the connection": "Sunucu bağlantıyı kapattı",
    "The server name cannot contain spaces.": "Sunucu adı boşluk içeremez.",
    "The server name contains a line break or control character.":
        "Sunucu adı bir satır sonu ya da denetim karakteri içeriyor.",
    "The test was stopped; nothing more was sent.": "Test durduruldu; başka bir şey gönderilmedi.",
    "The token contains a line break, which cannot be sent.": "Belirteç, gönderilemeyecek bir satır sonu içeriyor.",
    "The trusted certificate was removed.": "Güvenilen sertifika kaldırıldı.",
    "The user name contains a line break or control character.":
        "Kullanıcı adı bir satır sonu ya da denetim karakteri içeriyor.",
    "The user name starts or ends with a space.": "Kullanıcı adı bir boşlukla başlıyor ya da bitiyor.",
    "This account can log in and send.": "Bu hesap giriş yapıp posta gönderebilir.",
    "This account can log in and send, with a warning.":
        "Bu hesap giriş yapıp posta gönderebilir, ancak bir uyarı var.",
    "The server said:": "Sunucunun yanıtı:",
    "Warning about receiving: %1": "Posta alma uyarısı: %1",
    "Warning about sending: %1": "Posta gönderme uyarısı: %1",
    "This computer sent": "Bu bilgisayar gönderdi",
    "This file does not exist.": "Bu dosya yok.",
    "This is not a valid IPv6 address.": "Bu geçerli bir IPv6 adresi değil.",
    "This is not a valid server name: use letters, digits, dots and hyphens.":
        "Bu geçerli bir sunucu adı değil: harf, rakam, nokta ve tire kullanın.",
    "This looks like a %1 address.": "Bu bir %1 adresine benziyor.",
    "Timeout per step in seconds": "Adım başına saniye cinsinden zaman aşımı",
    "Trust this certificate…": "Bu sertifikaya güven…",
    "Trust this certificate?": "Bu sertifikaya güvenilsin mi?",
    "Use %1 settings": "%1 ayarlarını kullan",
    "Use its settings": "Ayarlarını kullan",
    "User name": "Kullanıcı adı",
    "Watch the timeline: every line exchanged with the server appears as it happens.":
        "Zaman çizelgesini izleyin: sunucuyla alınıp verilen her satır olduğu anda görünür.",
    "What to do": "Ne yapmalı",
    "More help": "Daha fazla yardım",
    "Usual causes": "Olası nedenler",
    "Ready.": "Hazır.",
    "Cancelled.": "İptal edildi.",
    "You answer: %1": "Yanıtınız: %1",
    "decoded: %1": "çözülmüş: %1",
    "done": "tamamlandı",
    "encrypted": "şifreli",
    "failed": "başarısız",
    "in progress": "sürüyor",
    "not base64": "base64 değil",
    "not started": "başlamadı",
    "only the system's trusted authorities": "yalnızca sistemin güvendiği kuruluşlar",
    "skipped": "atlandı",
    "smtp.example.com": "smtp.example.com",
    "then": "sonra",
    "you@example.com": "siz@example.com",
    " s": " sn",
    # The whole account: incoming and outgoing servers, side by side.
    "&Different user name or password for the outgoing server": "Giden sunucu için &farklı kullanıcı adı veya parola",
    "&User name:": "Kullanıcı &adı:",
    "The user name and password above are then for the incoming server only.":
        "Yukarıdaki kullanıcı adı ve parola bu durumda yalnızca gelen sunucu içindir.",
    "Access t&oken:": "Erişim bel&irteci:",
    "Access to&ken:": "Erişim &belirteci:",
    "Access token for the incoming server": "Gelen sunucu için erişim belirteci",
    "Access token for the outgoing server": "Giden sunucu için erişim belirteci",
    "Advanced settings, for both servers": "Gelişmiş ayarlar (iki sunucu için)",
    "Allow unencrypted lo&gin": "Şifrelenmemiş girişe izin &ver",
    "Allow unencrypted login": "Şifrelenmemiş girişe izin ver",
    "Both servers use the password above, so choose an OAuth2 access token for both or for neither, or give the "
    "outgoing server its own.": "İki sunucu da yukarıdaki parolayı kullanıyor; bu yüzden OAuth2 erişim belirtecini "
                                "ya ikisinde de seçin ya da hiçbirinde seçmeyin. Dilerseniz giden sunucuya ayrı bir "
                                "parola verin.",
    "Cancel": "İptal",
    "Copy lines": "Satırları kopyala",
    "Copy the selected lines of the timeline, or all of them":
        "Zaman çizelgesinde seçili satırları ya da tümünü kopyala",
    "Discarded data the server sent after its go-ahead and before encryption started":
        "Sunucunun onay verdikten sonra ve şifreleme başlamadan önce gönderdiği veriler atıldı",
    "Email address or user name for the incoming server": "Gelen sunucu için e-posta adresi veya kullanıcı adı",
    "Extra CA &file:": "Ek &CA dosyası:",
    "Forget the selected account and its passwords": "Seçili hesabı ve parolalarını unut",
    "IP version:": "IP sürümü:",
    "Incoming mail protocol": "Gelen posta protokolü",
    "Incoming mail server": "Gelen posta sunucusu",
    "Incoming server": "Gelen posta sunucusu",
    "Incoming server (%1)": "Gelen posta sunucusu (%1)",
    "Incoming server authentication method": "Gelen sunucunun kimlik doğrulama yöntemi",
    "Incoming server connection security": "Gelen sunucunun bağlantı güvenliği",
    "Incoming server port": "Gelen sunucunun bağlantı noktası",
    "Method:": "Yöntem:",
    "No incoming server was entered, so receiving was not tested.":
        "Gelen sunucu girilmediği için posta alma test edilmedi.",
    "No outgoing server was entered, so sending was not tested.":
        "Giden sunucu girilmediği için posta gönderme test edilmedi.",
    "Normal password": "Normal parola",
    "Not tested.": "Test edilmedi.",
    "Nothing was tested.": "Hiçbir şey test edilmedi.",
    "Other (enter the servers yourself)": "Diğer (sunucuları kendiniz girin)",
    "Outgoing server (SMTP)": "Giden posta sunucusu (SMTP)",
    "Outgoing server authentication method": "Giden sunucunun kimlik doğrulama yöntemi",
    "Outgoing server connection security": "Giden sunucunun bağlantı güvenliği",
    "Outgoing server port": "Giden sunucunun bağlantı noktası",
    "Passw&ord:": "&Parola:",
    "Password for the incoming server": "Gelen sunucunun parolası",
    "Password for the outgoing server": "Giden sunucunun parolası",
    "Port:": "Port:",  # beside the server, as Turkish mail programs say it
    "Pro&tocol:": "P&rotokol:",
    "Protocol": "Protokol",
    "Receiving (%1)": "Gelen posta (%1)",
    "Receiving and sending: %1": "Posta alma ve gönderme: %1",
    "Receiving diagnosis": "Gelen posta tanısı",
    "Receiving timeline": "Gelen posta zaman çizelgesi",
    "Receiving works. Sending was not tested.": "Posta alma çalışıyor. Posta gönderme test edilmedi.",
    "Receiving works. Sending: %1": "Posta alma çalışıyor. Posta gönderme: %1",
    "Receiving works: this account can log in and read mail.":
        "Posta alma çalışıyor: bu hesap giriş yapıp postalarını okuyabilir.",
    "Receiving works, with a warning: this account can log in and read mail.":
        "Posta alma çalışıyor, ancak bir uyarı var: bu hesap giriş yapıp postalarını okuyabilir.",
    "Receiving: %1 Sending was not tested.": "Posta alma: %1 Posta gönderme test edilmedi.",
    "Receiving: %1 Sending: %2": "Posta alma: %1 Posta gönderme: %2",
    "Remember t&his account": "Bu hesabı &hatırla",
    "Results of receiving and sending": "Posta alma ve gönderme sonuçları",
    "Save report…": "Raporu kaydet…",
    "Se&rver:": "Su&nucu:",
    "Security:": "Güvenlik:",
    "Sending (SMTP)": "Giden posta (SMTP)",
    "Sending diagnosis": "Giden posta tanısı",
    "Sending timeline": "Giden posta zaman çizelgesi",
    "Sending works. Receiving was not tested.": "Posta gönderme çalışıyor. Posta alma test edilmedi.",
    "Sending works. Receiving: %1": "Posta gönderme çalışıyor. Posta alma: %1",
    "Sending: %1 Receiving was not tested.": "Posta gönderme: %1 Posta alma test edilmedi.",
    "Server offers %1; using the %2 command": "Sunucu şunları sunuyor: %1; %2 komutu kullanılıyor",
    "Show raw": "Ham göster",
    "Show the lines as sent, without decoding the server's questions":
        "Satırları, sunucunun sorularını çözmeden, gönderildiği gibi göster",
    "Test &account": "Hesabı &test et",
    "Test account": "Hesabı test et",
    "Test only the incoming server": "Yalnızca gelen sunucuyu test et",
    "Test only the outgoing server": "Yalnızca giden sunucuyu test et",
    "Test rece&iving": "Posta al&mayı test et",
    "Test receiving and sending at the same time": "Posta almayı ve göndermeyi aynı anda test et",
    "Test se&nding": "P&osta göndermeyi test et",
    "The protocol's own login command (IMAP LOGIN, POP3 USER and PASS)":
        "Protokolün kendi giriş komutu (IMAP LOGIN, POP3 USER ve PASS)",
    "The server does not list its capabilities; trying the usual commands":
        "Sunucu yeteneklerini listelemiyor; olağan komutlar deneniyor",
    "This account can receive and send mail.": "Bu hesap posta alıp gönderebilir.",
    "Timeout per step:": "Adım başına zaman aşımı:",
    "User name for the outgoing server": "Giden sunucunun kullanıcı adı",
    "Without encryption CRAM-MD5 is used: the password itself does not cross the network":
        "Şifreleme olmadığından CRAM-MD5 kullanılıyor: parolanın kendisi ağdan geçmez",
    # Timeline notes of the probes that explain a missing greeting.
    "No greeting yet: trying SSL/TLS on a second connection to the same port (no password sent)":
        "Henüz karşılama yok: aynı bağlantı noktasına ikinci bir bağlantıda SSL/TLS deneniyor (parola gönderilmedi)",
    "The second connection answered in SSL/TLS: this port expects encryption from the first byte":
        "İkinci bağlantı SSL/TLS ile yanıt verdi: bu bağlantı noktası ilk bayttan itibaren şifreleme bekliyor",
    "The second connection did not answer in SSL/TLS either": "İkinci bağlantı da SSL/TLS ile yanıt vermedi",
    "Reading what the port says without encryption, on a second connection (no password sent)":
        "Bağlantı noktasının şifreleme olmadan ne söylediği ikinci bir bağlantıda okunuyor (parola gönderilmedi)",
    "Without encryption this port speaks %1":
        "Şifreleme olmadan bu bağlantı noktası %1 konuşuyor",
    "Without encryption this port speaks %1 and offers STARTTLS":
        "Şifreleme olmadan bu bağlantı noktası %1 konuşuyor ve STARTTLS sunuyor",
    "cancelled": "iptal edildi",
    "imap.example.com": "imap.example.com",
    "not tested": "test edilmedi",
    "testing": "test ediliyor",
    "works": "çalışıyor",
    "works, with a warning": "çalışıyor, bir uyarıyla",
    "the password crossed the network unencrypted.": "parola ağda şifrelenmeden iletildi.",
    "it works only with the certificate you trusted.": "yalnızca güvendiğiniz sertifikayla çalışıyor.",
    "Forget this account?": "Bu hesap unutulsun mu?",
    "stopped": "durduruldu",
    "Cancelled after %1 s.": "%1 sn sonra iptal edildi.",
    "%1 s so far \u00b7 this step gives up in %2 s": "%1 sn geçti \u00b7 bu adım %2 sn sonra vazgeçecek",
    "Forget \u201c%1\u201d and remove its passwords from the keychain?":
        "\u201c%1\u201d unutulsun ve parolaları anahtarlıktan silinsin mi?",
    # finding the settings from the address (views/detect.py)
    "Find settings": "Ayarları bul",
    "Find the server settings for this address": "Bu adresin sunucu ayarlarını bul",
    "Look up the incoming and outgoing servers from the address; the password is not used":
        "Gelen ve giden posta sunucularını adresten bulur; parola kullanılmaz",
    "Look up settings online": "Ayarları çevrimiçi ara",
    "Off: only the built-in provider database is asked, and nothing goes over the network.":
        "Kapalıyken yalnızca yerleşik sağlayıcı veritabanına bakılır ve ağ üzerinden hiçbir şey gönderilmez.",
    "Enter the whole address first, for example you@example.com.":
        "Önce adresin tamamını girin, örneğin siz@example.com.",
    "Looking for the settings of %1…": "%1 için ayarlar aranıyor…",
    "No settings found for %1.": "%1 için ayar bulunamadı.",
    "Ask your provider or administrator for the server names and enter them below.":
        "Sunucu adlarını sağlayıcınıza veya yöneticinize sorun ve aşağıya girin.",
    "Settings found for %1: check them.": "%1 için ayarlar bulundu: kontrol edin.",
    "Read the warning under the server before you use it.": "Sunucuyu kullanmadan önce altındaki uyarıyı okuyun.",
    "Settings found for %1.": "%1 için ayarlar bulundu.",
    "Only the built-in provider database was asked: online lookup is off under Advanced.":
        "Yalnızca yerleşik sağlayıcı veritabanına bakıldı: Gelişmiş altında çevrimiçi arama kapalı.",
    "Found in: %1": "Bulunduğu yer: %1",
    "The provider gives the user name as %1.": "Sağlayıcıya göre kullanıcı adı: %1.",
    "Your own server is kept; pick one of these to use it instead.":
        "Girdiğiniz sunucu korunuyor; onun yerine bunlardan birini kullanmak için seçin.",
    "unencrypted": "şifrelenmemiş",
    "the built-in provider database": "yerleşik sağlayıcı veritabanı",
    "the provider's autoconfig file": "sağlayıcının autoconfig dosyası",
    "the provider's web site (.well-known)": "sağlayıcının web sitesi (.well-known)",
    "the online provider database": "çevrimiçi sağlayıcı veritabanı",
    "Microsoft 365's Autodiscover": "Microsoft 365'in Autodiscover hizmeti",
    "the domain's MX record": "alan adının MX kaydı",
    "the domain's SRV records": "alan adının SRV kayıtları",
    "a probe of the usual server names": "olağan sunucu adlarının yoklanması",
    "Check the server name with your provider before your password goes there.":
        "Parolanız oraya gitmeden önce sunucu adını sağlayıcınıza doğrulatın.",
    "This server's certificate could not be verified, so it may not be who it claims to be.":
        "Bu sunucunun sertifikası doğrulanamadı; kendini tanıttığı sunucu olmayabilir.",
    "These settings came over plain HTTP, which anyone on the network could have changed.":
        "Bu ayarlar şifresiz HTTP ile geldi; ağdaki herhangi biri onları değiştirmiş olabilir.",
    "This server was only guessed from the usual names and was not named by your provider.":
        "Bu sunucu yalnızca olağan adlardan tahmin edildi; sağlayıcınız onu bildirmedi.",
    "These settings came from DNS records, which are not protected against changes on the way.":
        "Bu ayarlar DNS kayıtlarından geldi; bu kayıtlar yolda değiştirilmeye karşı korunmaz.",
    "These settings came over a connection that is not protected.":
        "Bu ayarlar korunmayan bir bağlantı üzerinden geldi.",
    "found": "bulundu",
    "not found": "bulunamadı",
    "error": "hata",
    "Provider database": "Sağlayıcı veritabanı",
    "%1 (plain HTTP)": "%1 (şifresiz HTTP)",
    "MX of %1": "%1 MX kaydı",
    "SRV records of %1": "%1 SRV kayıtları",
    "Online provider database": "Çevrimiçi sağlayıcı veritabanı",
    "Microsoft 365 (Autodiscover)": "Microsoft 365 (Autodiscover)",
    "Usual server names": "Olağan sunucu adları",
    "Incoming servers found": "Bulunan gelen posta sunucuları",
    "Outgoing servers found": "Bulunan giden posta sunucuları",
    "Found:": "Bulunan:",
    "Use this server": "Bu sunucuyu kullan",
    "Use this incoming server despite the warning": "Uyarıya rağmen bu gelen posta sunucusunu kullan",
    "Use this outgoing server despite the warning": "Uyarıya rağmen bu giden posta sunucusunu kullan",
    "It answered a check made without your password.": "Parolanız kullanılmadan yapılan bir denemeye yanıt verdi.",
    # (end of views/detect.py)
    # the Security area, the words of mail programs, the timeline's speakers and notes
    "Connection security": "Bağlantı güvenliği",
    "Authentication method": "Kimlik doğrulama yöntemi",
    "Encrypted password": "Şifrelenmiş parola",
    "OAuth2": "OAuth2",
    "Certificate": "Sertifika",
    "trusted by you, by its fingerprint": "parmak iziyle, sizin güveninizle",
    "verified by an authority this computer trusts": "bu bilgisayarın güvendiği bir makamca doğrulandı",
    "none": "yok",
    "Login exchange": "Giriş alışverişi",
    "IP address": "IP adresi",
    "email": "e-posta",
    "Technical detail:": "Teknik ayrıntı:",
    "no longer trusted": "artık güvenilmiyor",
    "Mail programs will not trust this certificate: they check it against the authorities this computer trusts, "
    "not against the fingerprint you trusted here, so they will warn or refuse. What fixes that: the server's "
    "administrator installs a certificate from a public certificate authority; or your organization's "
    "certificate authority is installed on this computer; or you use the provider's proper server name, the "
    "one its certificate names.":
        "Posta programları bu sertifikaya güvenmez: onu burada güvendiğiniz parmak izine göre değil, bu "
        "bilgisayarın güvendiği makamlara göre denetler; bu yüzden uyarır ya da bağlanmayı reddeder. Bunu "
        "düzeltmenin yolları: sunucunun yöneticisi herkese açık bir sertifika makamından alınmış bir sertifika "
        "kurar; ya da kuruluşunuzun sertifika makamı bu bilgisayara kurulur; ya da sağlayıcının doğru sunucu "
        "adını, sertifikasında yazan adı kullanırsınız.",
    "Trusted for %1. Test again to use it.": "%1 için güvenildi. Kullanmak için yeniden test edin.",
    "The certificate is no longer trusted for %1: the next test will stop at it before sending the password.":
        "Sertifikaya %1 için artık güvenilmiyor: sonraki test parolayı göndermeden önce onda duracak.",
    "You": "Siz",
    "Hello: this computer introduces itself and asks what the server offers.":
        "Merhaba: bu bilgisayar kendini tanıtır ve sunucunun neler sunduğunu sorar.",
    "STARTTLS: encrypt the connection before anything secret is sent.":
        "STARTTLS: gizli bir şey gönderilmeden önce bağlantı şifrelenir.",
    "Log in: the user name and password, in a method the server offered.":
        "Giriş: kullanıcı adı ve parola, sunucunun sunduğu bir yöntemle.",
    "%1 The trusted certificate was forgotten: the next test will stop at it.":
        "%1 Güvenilen sertifika unutuldu: sonraki test onda duracak.",
    # the consent to an unencrypted login, under Security (views/plaintext.py)
    "None: nothing is encrypted. The password crosses the network as it is typed, readable by anyone on the way "
    "(a shared Wi-Fi, the networks in between). Use it only for a server on this computer or on a network you "
    "trust.":
        "Yok: hiçbir şey şifrelenmez. Parola ağda yazıldığı gibi gider; yoldaki herkes (paylaşılan bir Wi-Fi, "
        "aradaki ağlar) onu okuyabilir. Yalnızca bu bilgisayardaki ya da güvendiğiniz bir ağdaki bir sunucu için "
        "kullanın.",
    "Send it unencrypted": "Şifrelemeden gönder",
    "Send the password unencrypted": "Parolayı şifrelemeden gönder",
    "Normal password (%1)": "Normal parola (%1)",
    "Encrypted password (%1)": "Şifrelenmiş parola (%1)",
    # the round trip (views/roundtrip.py)
    "Send a test message": "Deneme iletisi gönder",
    "Send one message from the address to itself, wait for it to arrive, then delete it":
        "Adresten kendisine bir ileti gönder, ulaşmasını bekle, sonra sil",
    "The test message needs the address as the user name, the same for receiving and sending.":
        "Deneme iletisi için kullanıcı adının, alma ve gönderme için aynı e-posta adresi olması gerekir.",
    "The test sends one short message from %1 to %1 itself, waits for it to arrive, then deletes it. "
    "It goes to no other address. Send it?":
        "Test, %1 adresinden yine %1 adresine kısa bir ileti gönderir, ulaşmasını bekler, sonra onu siler. "
        "İleti başka hiçbir adrese gitmez. Gönderilsin mi?",
    "Sending a test message to %1 and waiting up to %2 s for it\u2026":
        "%1 adresine deneme iletisi gönderiliyor ve en çok %2 sn bekleniyor\u2026",
    "Test message wait:": "Deneme iletisi bekleme süresi:",
    "How long to wait for the test message, in seconds": "Deneme iletisinin ne kadar bekleneceği (saniye)",
    # (end of views/roundtrip.py)
    # the OAuth2 sign-in box (qt/views/signin.py)
    "Paste a token instead": "Bunun yerine belirteç yapıştır",
    "Sign-in settings": "Oturum açma ayarları",
    "Google": "Google",
    "Microsoft": "Microsoft",
    "OpenID Connect provider (issuer)": "OpenID Connect sağlayıcısı (yayıncı)",
    "your organisation's app (client) id": "kuruluşunuzun uygulama (istemci) kimliği",
    "Google Desktop clients only": "yalnızca Google masaüstü istemcileri",
    "extra scopes, separated by spaces": "ek kapsamlar, boşlukla ayrılmış",
    "your provider": "sağlayıcınız",
    "Reading the sign-in settings of %1": "%1 oturum açma ayarları okunuyor",
    "Opening the browser to sign in with %1": "%1 ile oturum açmak için tarayıcı açılıyor",
    "Waiting for the sign-in in a browser": "Bir tarayıcıda oturum açılması bekleniyor",
    "The browser came back with the sign-in answer": "Tarayıcı oturum açma yanıtıyla döndü",
    "Signed in: access token received (valid %1 s, scopes %2)":
        "Oturum açıldı: erişim belirteci alındı (%1 sn geçerli, kapsamlar %2)",
    "Signed in again with the stored refresh token (valid %1 s)":
        "Saklanan yenileme belirteciyle yeniden oturum açıldı (%1 sn geçerli)",
    "The browser did not come back in time. Sign in again and finish the provider's pages in the browser.":
        "Tarayıcı zamanında dönmedi. Yeniden oturum açın ve tarayıcıda sağlayıcının sayfalarını tamamlayın.",
    "The sign-in was cancelled or consent was refused in the browser.":
        "Oturum açma tarayıcıda iptal edildi ya da izin verilmedi.",
    "The provider refused the sign-in: %1": "Sağlayıcı oturum açmayı reddetti: %1",
    "A sign-in answer arrived that does not belong to this sign-in; it was refused. Sign in again.":
        "Bu oturum açmaya ait olmayan bir yanıt geldi ve reddedildi. Yeniden oturum açın.",
    "The sign-in answer names another issuer (%1); it was refused.":
        "Oturum açma yanıtı başka bir yayıncıyı (%1) gösteriyor; reddedildi.",
    "The provider did not give a token for the sign-in: %1": "Sağlayıcı oturum açma için belirteç vermedi: %1",
    "Cannot read the issuer's sign-in settings: %1": "Yayıncının oturum açma ayarları okunamıyor: %1",
    "Cannot reach the sign-in server: %1": "Oturum açma sunucusuna ulaşılamıyor: %1",
    "Check the sign-in settings: %1": "Oturum açma ayarlarını denetleyin: %1",
    "Sign in with:": "Oturum açma:",
    "Client id:": "İstemci kimliği:",
    "Client secret:": "İstemci gizli anahtarı:",
    "Tenant:": "Kiracı:",
    "Issuer:": "Yayıncı:",
    "Scopes:": "Kapsamlar:",
    "Reading the sign-in settings\u2026": "Oturum açma ayarları okunuyor\u2026",
    "Sign-in:": "Oturum açma:",
    "The server accepted the user name and the OAuth2 access token. Use these settings in your mail program, "
    "with OAuth2 as its sign-in method:":
        "Sunucu kullanıcı adını ve OAuth2 erişim belirtecini kabul etti. Posta programınızda şu ayarları, oturum "
        "açma yöntemi olarak OAuth2 ile kullanın:",
    "The password and the OAuth2 sign-in are kept in the system keychain, never in a file.":
        "Parola ve OAuth2 oturumu sistem anahtarlığında tutulur, hiçbir zaman bir dosyada değil.",
    "The access token is kept in the system keychain, never in a file.":
        "Erişim belirteci sistem anahtarlığında tutulur, hiçbir zaman bir dosyada değil.",
    "The sign-in (its refresh token, never the access token) is kept in the system keychain, never in a file.":
        "Oturum (erişim belirteci değil, yalnızca yenileme belirteci) sistem anahtarlığında tutulur, hiçbir "
        "zaman bir dosyada değil.",
    "Sign in with %1": "%1 ile oturum aç",
    "Not signed in. The browser opens for %1's own sign-in page; this program never sees your password.":
        "Oturum açılmadı. Oturum açma sayfası tarayıcıda açılır (%1); bu program parolanızı hiç görmez.",
    "Sign-in cancelled.": "Oturum açma iptal edildi.",
    "Sign in first (or paste an access token).": "Önce oturum açın (ya da bir erişim belirteci yapıştırın).",
    "Sign-in %1": "Oturum açma: %1",
    "Waiting for the browser: finish signing in there (up to %1 s).":
        "Tarayıcı bekleniyor: oturum açmayı orada tamamlayın (en çok %1 sn).",
    "Signed in with %1 as %2. The token is kept in memory only.":
        "%2 olarak oturum açıldı (%1). Belirteç yalnızca bellekte tutulur.",
}


def apply(path: str) -> list[str]:
    """Fill the .ts file's translations; return the sources still untranslated."""
    tree = ET.parse(path)
    missing = []
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        if source in TR:
            translation.text = TR[source]
            translation.attrib.pop("type", None)
        elif translation.get("type") == "unfinished" or not translation.text:
            missing.append(source)
    tree.write(path, encoding="utf-8", xml_declaration=True)
    return missing


def compile_qm(ts: str) -> None:
    """The committed .qm beside the .ts, made by Qt's own compiler."""
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    subprocess.run([str(lrelease), "-silent", ts, "-qm", str(Path(ts).with_suffix(".qm"))], check=True)


if __name__ == "__main__":
    missing = apply(sys.argv[1])
    compile_qm(sys.argv[1])
    for source in missing:
        print(f"untranslated: {source!r}")
    sys.exit(1 if missing else 0)
