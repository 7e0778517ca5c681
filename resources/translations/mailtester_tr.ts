<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="tr_TR">
<context>
    <name>AccountForm</name>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="174" />
        <source>Demo server (built in)</source>
        <translation>Tanıtım sunucusu (yerleşik)</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="175" />
        <source>Demo server (wrong password)</source>
        <translation>Tanıtım sunucusu (yanlış parola)</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="180" />
        <source>&amp;Provider:</source>
        <translation>&amp;Sağlayıcı:</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="182" />
        <source>Provider presets</source>
        <translation>Sağlayıcı ön ayarları</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="189" />
        <location filename="../../gui/mailtester/qt/views/form.py" line="207" />
        <source>you@example.com</source>
        <translation>siz@example.com</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="225" />
        <source>&amp;Email or user name:</source>
        <translation>&amp;E-posta veya kullanıcı adı:</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="245" />
        <source>&amp;Different user name or password for the outgoing server</source>
        <translation>Giden sunucu için &amp;farklı kullanıcı adı veya parola</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="252" />
        <source>The user name and password above are then for the incoming server only.</source>
        <translation>Yukarıdaki kullanıcı adı ve parola bu durumda yalnızca gelen sunucu içindir.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="258" />
        <source>Incoming server</source>
        <translation>Gelen posta sunucusu</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="265" />
        <source>Pro&amp;tocol:</source>
        <translation>P&amp;rotokol:</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="265" />
        <source>Incoming mail protocol</source>
        <translation>Gelen posta protokolü</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="267" />
        <source>Se&amp;rver:</source>
        <translation>Su&amp;nucu:</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="268" />
        <source>imap.example.com</source>
        <translation>imap.example.com</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="269" />
        <source>Incoming mail server</source>
        <translation>Gelen posta sunucusu</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="269" />
        <source>Incoming server port</source>
        <translation>Gelen sunucunun bağlantı noktası</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="272" />
        <source>Security:</source>
        <translation>Güvenlik:</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="273" />
        <source>Incoming server connection security</source>
        <translation>Gelen sunucunun bağlantı güvenliği</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="275" />
        <source>Method:</source>
        <translation>Yöntem:</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="276" />
        <source>Incoming server authentication method</source>
        <translation>Gelen sunucunun kimlik doğrulama yöntemi</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="281" />
        <source>Outgoing server (SMTP)</source>
        <translation>Giden posta sunucusu (SMTP)</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="286" />
        <source>Outgoing server port</source>
        <translation>Giden sunucunun bağlantı noktası</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="290" />
        <source>Outgoing server connection security</source>
        <translation>Giden sunucunun bağlantı güvenliği</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="292" />
        <source>Outgoing server authentication method</source>
        <translation>Giden sunucunun kimlik doğrulama yöntemi</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="295" />
        <source>&amp;User name:</source>
        <translation>Kullanıcı &amp;adı:</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="298" />
        <location filename="../../gui/mailtester/qt/views/form.py" line="740" />
        <source>Passw&amp;ord:</source>
        <translation>&amp;Parola:</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="310" />
        <source>Advanced settings, for both servers</source>
        <translation>Gelişmiş ayarlar (iki sunucu için)</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="325" />
        <source>Extra CA &amp;file:</source>
        <translation>Ek &amp;CA dosyası:</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="334" />
        <source>IP version:</source>
        <translation>IP sürümü:</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="341" />
        <source>Timeout per step:</source>
        <translation>Adım başına zaman aşımı:</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="342" />
        <source>Allow unencrypted lo&amp;gin</source>
        <translation>Şifrelenmemiş girişe izin &amp;ver</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="344" />
        <source>Allow unencrypted login</source>
        <translation>Şifrelenmemiş girişe izin ver</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="356" />
        <source>Remember t&amp;his account</source>
        <translation>Bu hesabı &amp;hatırla</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="415" />
        <source>Port:</source>
        <translation>Port:</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="442" />
        <source>Normal password</source>
        <translation>Normal parola</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="443" />
        <source>The protocol's own login command (IMAP LOGIN, POP3 USER and PASS)</source>
        <translation>Protokolün kendi giriş komutu (IMAP LOGIN, POP3 USER ve PASS)</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="446" />
        <source>Normal password (%1)</source>
        <translation>Normal parola (%1)</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="446" />
        <source>Encrypted password (%1)</source>
        <translation>Şifrelenmiş parola (%1)</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="487" />
        <source>Email address or user name for the incoming server</source>
        <translation>Gelen sunucu için e-posta adresi veya kullanıcı adı</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="488" />
        <source>User name for the outgoing server</source>
        <translation>Giden sunucunun kullanıcı adı</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="489" />
        <source>Email address or user name</source>
        <translation>E-posta adresi veya kullanıcı adı</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="880" />
        <source>Both servers use the password above, so choose an OAuth2 access token for both or for neither, or give the outgoing server its own.</source>
        <translation>İki sunucu da yukarıdaki parolayı kullanıyor; bu yüzden OAuth2 erişim belirtecini ya ikisinde de seçin ya da hiçbirinde seçmeyin. Dilerseniz giden sunucuya ayrı bir parola verin.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="233" />
        <source>Use its settings</source>
        <translation>Ayarlarını kullan</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="196" />
        <location filename="../../gui/mailtester/qt/views/form.py" line="214" />
        <location filename="../../gui/mailtester/qt/views/form.py" line="512" />
        <source>Show</source>
        <translation>Göster</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="751" />
        <source>Show password</source>
        <translation>Parolayı göster</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="239" />
        <location filename="../../gui/mailtester/qt/views/form.py" line="737" />
        <source>Pass&amp;word:</source>
        <translation>Paro&amp;la:</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="746" />
        <source>Password</source>
        <translation>Parola</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="285" />
        <source>smtp.example.com</source>
        <translation>smtp.example.com</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="285" />
        <source>&amp;Server:</source>
        <translation>S&amp;unucu:</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="286" />
        <source>Outgoing mail server</source>
        <translation>Giden posta sunucusu</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="432" />
        <source>SSL/TLS</source>
        <translation>SSL/TLS</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="433" />
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="434" />
        <source>None (unencrypted)</source>
        <translation>Yok (şifrelenmemiş)</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="290" />
        <source>Se&amp;curity:</source>
        <translation>&amp;Güvenlik:</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="331" />
        <location filename="../../gui/mailtester/qt/views/form.py" line="440" />
        <source>Automatic</source>
        <translation>Otomatik</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="449" />
        <location filename="../../gui/mailtester/qt/views/form.py" line="746" />
        <source>OAuth2 access token</source>
        <translation>OAuth2 erişim belirteci</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="292" />
        <source>&amp;Method:</source>
        <translation>&amp;Yöntem:</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="306" />
        <source>Advanced</source>
        <translation>Gelişmiş</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="319" />
        <source>only the system's trusted authorities</source>
        <translation>yalnızca sistemin güvendiği kuruluşlar</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="320" />
        <source>&amp;Browse…</source>
        <translation>Gö&amp;zat…</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="325" />
        <source>Extra CA certificate file</source>
        <translation>Ek CA sertifika dosyası</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="332" />
        <source>IPv4 only</source>
        <translation>Yalnızca IPv4</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="333" />
        <source>IPv6 only</source>
        <translation>Yalnızca IPv6</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="334" />
        <source>IP version</source>
        <translation>IP sürümü</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="340" />
        <source> s</source>
        <translation> sn</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="341" />
        <source>Timeout per step in seconds</source>
        <translation>Adım başına saniye cinsinden zaman aşımı</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="359" />
        <source>The password is kept in the system keychain, never in a file.</source>
        <translation>Parola sistem anahtarlığında tutulur, hiçbir zaman bir dosyada değil.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="348" />
        <source>System default</source>
        <translation>Sistem varsayılanı</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="351" />
        <source>&amp;Language:</source>
        <translation>&amp;Dil:</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="351" />
        <source>Language of the window</source>
        <translation>Pencerenin dili</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="512" />
        <source>Hide</source>
        <translation>Gizle</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="560" />
        <source>automatic</source>
        <translation>otomatik</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="601" />
        <source>This looks like a %1 address.</source>
        <translation>Bu bir %1 adresine benziyor.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="602" />
        <source>Use %1 settings</source>
        <translation>%1 ayarlarını kullan</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="611" />
        <source>Choose a CA certificate file</source>
        <translation>Bir CA sertifika dosyası seçin</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="612" />
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Sertifikalar (*.pem *.crt *.cer);;Tüm dosyalar (*)</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="737" />
        <source>Access to&amp;ken:</source>
        <translation>Erişim &amp;belirteci:</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="740" />
        <source>Access t&amp;oken:</source>
        <translation>Erişim bel&amp;irteci:</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="741" />
        <location filename="../../gui/mailtester/qt/views/form.py" line="748" />
        <source>Access token for the incoming server</source>
        <translation>Gelen sunucu için erişim belirteci</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="742" />
        <location filename="../../gui/mailtester/qt/views/form.py" line="749" />
        <source>Password for the incoming server</source>
        <translation>Gelen sunucunun parolası</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="743" />
        <source>Access token for the outgoing server</source>
        <translation>Giden sunucu için erişim belirteci</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="744" />
        <source>Password for the outgoing server</source>
        <translation>Giden sunucunun parolası</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="867" />
        <source>The user name starts or ends with a space.</source>
        <translation>Kullanıcı adı bir boşlukla başlıyor ya da bitiyor.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="863" />
        <source>This file does not exist.</source>
        <translation>Bu dosya yok.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="173" />
        <source>Other (enter the servers yourself)</source>
        <translation>Diğer (sunucuları kendiniz girin)</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="874" />
        <source>Enter the email address or user name.</source>
        <translation>E-posta adresini veya kullanıcı adını girin.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="876" />
        <source>Enter the access token.</source>
        <translation>Erişim belirtecini girin.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="877" />
        <source>Enter the password.</source>
        <translation>Parolayı girin.</translation>
    </message>
</context>
<context>
    <name>BatchModel</name>
    <message>
        <location filename="../../gui/mailtester/qt/batch/model.py" line="46" />
        <source>Works</source>
        <translation>Çalışıyor</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/model.py" line="47" />
        <source>Refused</source>
        <translation>Reddedildi</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/model.py" line="48" />
        <source>Failed</source>
        <translation>Başarısız</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/model.py" line="49" />
        <source>Deferred: the server asked to wait</source>
        <translation>Ertelendi: sunucu beklemeyi istedi</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/model.py" line="50" />
        <source>Stopped</source>
        <translation>Durduruldu</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/model.py" line="51" />
        <source>No server given</source>
        <translation>Sunucu verilmedi</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/model.py" line="52" />
        <source>Testing…</source>
        <translation>Test ediliyor…</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/model.py" line="53" />
        <source>Waiting</source>
        <translation>Bekliyor</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/model.py" line="57" />
        <source>Stopped before or during its test</source>
        <translation>Testinden önce veya testi sırasında durduruldu</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/model.py" line="58" />
        <source>Not tried: its server showed signs of rate limiting</source>
        <translation>Denenmedi: sunucusu hız sınırlaması belirtileri gösterdi</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/model.py" line="59" />
        <source>No server given, and none found for its domain</source>
        <translation>Sunucu verilmedi ve alan adı için de bulunamadı</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/model.py" line="60" />
        <source>No password or password reference in the row</source>
        <translation>Satırda parola veya parola başvurusu yok</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/model.py" line="61" />
        <source>The password's environment variable is not set</source>
        <translation>Parolanın ortam değişkeni tanımlı değil</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/model.py" line="62" />
        <source>Not tried: the same login as an earlier row</source>
        <translation>Denenmedi: önceki bir satırla aynı giriş</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/model.py" line="63" />
        <source>The password file cannot be used</source>
        <translation>Parola dosyası kullanılamıyor</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/model.py" line="64" />
        <source>The password file can be read by others</source>
        <translation>Parola dosyası başkalarınca okunabiliyor</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/model.py" line="65" />
        <source>No password was typed for its reference</source>
        <translation>Başvurusu için parola yazılmadı</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/model.py" line="66" />
        <source>The password cannot be sent as it is</source>
        <translation>Parola olduğu gibi gönderilemiyor</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/model.py" line="68" />
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/model.py" line="68" />
        <source>Account</source>
        <translation>Hesap</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/model.py" line="69" />
        <source>Server</source>
        <translation>Sunucu</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/model.py" line="69" />
        <source>Result</source>
        <translation>Sonuç</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/model.py" line="70" />
        <source>Diagnosis</source>
        <translation>Tanı</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/model.py" line="70" />
        <source>Time</source>
        <translation>Süre</translation>
    </message>
</context>
<context>
    <name>BatchWindow</name>
    <message>
        <location filename="../../gui/mailtester/qt/batch/view.py" line="142" />
        <source>Check many accounts</source>
        <translation>Birçok hesabı test et</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/view.py" line="156" />
        <source>&amp;Open file…</source>
        <translation>Dosya &amp;aç…</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/view.py" line="158" />
        <source>A CSV or Excel (.xlsx) file with a column of email addresses</source>
        <translation>E-posta adresleri sütunu olan bir CSV veya Excel (.xlsx) dosyası</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/view.py" line="159" />
        <source>&amp;Paste rows…</source>
        <translation>Satırları &amp;yapıştır…</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/view.py" line="162" />
        <source>Co&amp;lumns…</source>
        <translation>&amp;Sütunlar…</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/view.py" line="165" />
        <source>Which column of the sheet holds what</source>
        <translation>Tablonun hangi sütununda ne var</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/view.py" line="166" />
        <location filename="../../gui/mailtester/qt/batch/view.py" line="453" />
        <source>No sheet yet: open a file or paste rows.</source>
        <translation>Henüz tablo yok: bir dosya açın veya satırları yapıştırın.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/view.py" line="179" />
        <source>Rows to check</source>
        <translation>Test edilecek satırlar</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/view.py" line="184" />
        <source>&amp;Use these rows</source>
        <translation>Bu satırları &amp;kullan</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/view.py" line="202" />
        <source>Columns of the sheet</source>
        <translation>Tablonun sütunları</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/view.py" line="205" />
        <source>Email or user name</source>
        <translation>E-posta veya kullanıcı adı</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/view.py" line="206" />
        <source>Password</source>
        <translation>Parola</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/view.py" line="207" />
        <source>Password reference</source>
        <translation>Parola başvurusu</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/view.py" line="207" />
        <source>Server</source>
        <translation>Sunucu</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/view.py" line="208" />
        <source>Port</source>
        <translation>Bağlantı noktası</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/view.py" line="208" />
        <source>Security</source>
        <translation>Güvenlik</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/view.py" line="208" />
        <source>Protocol</source>
        <translation>Protokol</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/view.py" line="209" />
        <source>Method</source>
        <translation>Yöntem</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/view.py" line="215" />
        <source>Column for: %1</source>
        <translation>Şunun sütunu: %1</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/view.py" line="233" />
        <source>Protocol for the rows that name none</source>
        <translation>Protokol belirtmeyen satırlar için protokol</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/view.py" line="235" />
        <source>Sending (SMTP)</source>
        <translation>Giden posta (SMTP)</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/view.py" line="236" />
        <source>Receiving (IMAP)</source>
        <translation>Gelen posta (IMAP)</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/view.py" line="237" />
        <source>Receiving (POP3)</source>
        <translation>Gelen posta (POP3)</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/view.py" line="238" />
        <source>P&amp;rotocol:</source>
        <translation>P&amp;rotokol:</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/view.py" line="243" />
        <source>Extra CA certificate file</source>
        <translation>Ek CA sertifika dosyası</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/view.py" line="244" />
        <source>Optional: for servers with a private CA</source>
        <translation>İsteğe bağlı: kendi CA'sı olan sunucular için</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/view.py" line="245" />
        <source>&amp;Browse…</source>
        <translation>Gö&amp;zat…</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/view.py" line="247" />
        <source>Choose an extra CA certificate file</source>
        <translation>Ek bir CA sertifika dosyası seçin</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/view.py" line="250" />
        <source>Extra CA &amp;file:</source>
        <translation>Ek &amp;CA dosyası:</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/view.py" line="255" />
        <source>&amp;Start</source>
        <translation>&amp;Başlat</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/view.py" line="257" />
        <source>One login attempt per account: a failed try is never repeated</source>
        <translation>Hesap başına tek giriş denemesi: başarısız bir deneme asla tekrarlanmaz</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/view.py" line="258" />
        <source>S&amp;top</source>
        <translation>&amp;Durdur</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/view.py" line="260" />
        <source>The rows checked stay; the others are not tried</source>
        <translation>Test edilen satırlar kalır; diğerleri denenmez</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/view.py" line="268" />
        <source>Accounts checked</source>
        <translation>Test edilen hesaplar</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/view.py" line="282" />
        <source>Rows shown</source>
        <translation>Gösterilen satırlar</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/view.py" line="285" />
        <source>Sho&amp;w:</source>
        <translation>&amp;Göster:</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/view.py" line="292" />
        <source>Accounts and their results</source>
        <translation>Hesaplar ve sonuçları</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/view.py" line="305" />
        <source>Table corner</source>
        <translation>Tablo köşesi</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/view.py" line="317" />
        <location filename="../../gui/mailtester/qt/batch/view.py" line="652" />
        <source>Choose a row to see its test.</source>
        <translation>Testini görmek için bir satır seçin.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/view.py" line="323" />
        <source>Timeline of the selected account</source>
        <translation>Seçilen hesabın zaman çizelgesi</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/view.py" line="324" />
        <source>Diagnosis of the selected account</source>
        <translation>Seçilen hesabın tanısı</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/view.py" line="342" />
        <source>Export &amp;CSV…</source>
        <translation>CSV olarak dışa ak&amp;tar…</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/view.py" line="344" />
        <source>The sheet's columns and each row's result; no password</source>
        <translation>Tablonun sütunları ve her satırın sonucu; parola yok</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/view.py" line="345" />
        <source>Export &amp;HTML…</source>
        <translation>&amp;HTML olarak dışa aktar…</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/view.py" line="347" />
        <source>A summary page with each row's timeline and diagnosis</source>
        <translation>Her satırın zaman çizelgesi ve tanısıyla bir özet sayfası</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/view.py" line="402" />
        <source>Open a sheet of accounts</source>
        <translation>Bir hesap tablosu açın</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/view.py" line="403" />
        <source>Sheets (*.csv *.xlsx *.txt);;All files (*)</source>
        <translation>Tablolar (*.csv *.xlsx *.txt);;Tüm dosyalar (*)</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/view.py" line="439" />
        <source>This sheet cannot be used: %1</source>
        <translation>Bu tablo kullanılamıyor: %1</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/view.py" line="456" />
        <source>Accounts in %1: %2</source>
        <translation>%1 içindeki hesaplar: %2</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/view.py" line="570" />
        <source>works: %1</source>
        <translation>çalışan: %1</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/view.py" line="571" />
        <source>failed: %1</source>
        <translation>başarısız: %1</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/view.py" line="573" />
        <source>not checked: %1</source>
        <translation>test edilmeyen: %1</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/view.py" line="462" />
        <source>(none)</source>
        <translation>(yok)</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/view.py" line="71" />
        <source>The sheet is empty: it needs a header row and one row per account.</source>
        <translation>Tablo boş: bir başlık satırı ve her hesap için bir satır gerekir.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/view.py" line="73" />
        <source>The file is not UTF-8 text. Save it as “CSV UTF-8” or as an Excel workbook (.xlsx).</source>
        <translation>Dosya UTF-8 metin değil. Onu “CSV UTF-8” olarak veya bir Excel çalışma kitabı (.xlsx) olarak kaydedin.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/view.py" line="75" />
        <source>This is not a readable Excel workbook.</source>
        <translation>Bu, okunabilir bir Excel çalışma kitabı değil.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/view.py" line="76" />
        <source>The file is too large for a sheet of accounts.</source>
        <translation>Dosya bir hesap tablosu için çok büyük.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/view.py" line="77" />
        <source>The sheet has too many rows.</source>
        <translation>Tabloda çok fazla satır var.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/view.py" line="78" />
        <source>The file cannot be read.</source>
        <translation>Dosya okunamıyor.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/view.py" line="79" />
        <source>No column of email addresses or user names was recognised: choose it under Columns of the sheet.</source>
        <translation>E-posta adresi veya kullanıcı adı sütunu tanınmadı: onu Tablonun sütunları bölümünden seçin.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/view.py" line="82" />
        <source>The sheet has no column %1.</source>
        <translation>Tabloda %1 sütunu yok.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/view.py" line="83" />
        <source>Row %1, column %2: %3</source>
        <translation>Satır %1, sütun %2: %3</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/view.py" line="205" />
        <source>Login name</source>
        <translation>Giriş adı</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/view.py" line="234" />
        <source>As each row says (SMTP when it says nothing)</source>
        <translation>Her satırda yazdığı gibi (yazmıyorsa SMTP)</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/view.py" line="457" />
        <source>Accounts pasted: %1</source>
        <translation>Yapıştırılan hesaplar: %1</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/view.py" line="469" />
        <source>No column of passwords or password references was recognised: choose it under Columns of the sheet.</source>
        <translation>Parola veya parola başvurusu sütunu tanınmadı: onu Tablonun sütunları bölümünden seçin.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/view.py" line="472" />
        <source>This sheet holds passwords in clear: keep it safe, and consider a password_ref column instead (env:NAME, file:PATH or prompt). No password is shown or saved here.</source>
        <translation>Bu tabloda parolalar açık olarak duruyor: onu güvende tutun ve yerine bir password_ref sütunu kullanmayı düşünün (env:AD, file:YOL veya prompt). Burada hiçbir parola gösterilmez veya kaydedilmez.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/view.py" line="489" />
        <source>Choose a CA certificate file</source>
        <translation>Bir CA sertifika dosyası seçin</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/view.py" line="490" />
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Sertifikalar (*.pem *.crt *.cer);;Tüm dosyalar (*)</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/view.py" line="506" />
        <source>The extra CA file %1 does not exist.</source>
        <translation>Ek CA dosyası %1 yok.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/view.py" line="543" />
        <source>The run stopped: %1</source>
        <translation>Çalışma durdu: %1</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/view.py" line="569" />
        <source>%1 of %2 checked</source>
        <translation>%2 hesaptan %1 tanesi test edildi</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/view.py" line="577" />
        <source>stopping…</source>
        <translation>durduruluyor…</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/view.py" line="579" />
        <source>about %1 left</source>
        <translation>yaklaşık %1 kaldı</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/view.py" line="581" />
        <source>took %1</source>
        <translation>%1 sürdü</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/view.py" line="588" />
        <source>%1 s</source>
        <translation>%1 sn</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/view.py" line="589" />
        <source>%1 min</source>
        <translation>%1 dk</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/view.py" line="595" />
        <source>All accounts (%1)</source>
        <translation>Tüm hesaplar (%1)</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/view.py" line="596" />
        <source>Failed (%1)</source>
        <translation>Başarısız (%1)</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/view.py" line="597" />
        <source>Not checked (%1)</source>
        <translation>Test edilmeyen (%1)</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/view.py" line="647" />
        <source>A sheet has a header row and one row per account: a column of email addresses or user names, and a password_ref column (env:NAME, file:PATH, or prompt to be asked here) or a password column. Columns for the server (host, port, security, protocol, mechanism) are optional; Columns… says which column holds what.</source>
        <translation>Bir tabloda bir başlık satırı ve her hesap için bir satır bulunur: e-posta adresleri veya kullanıcı adlarından oluşan bir sütun ve bir password_ref sütunu (env:AD, file:YOL ya da burada sorulması için prompt) veya bir parola sütunu. Sunucu sütunları (host, port, security, protocol, mechanism) isteğe bağlıdır; hangi sütunda ne olduğunu Sütunlar… ile belirtebilirsiniz.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/view.py" line="679" />
        <source>CSV files (*.csv)</source>
        <translation>CSV dosyaları (*.csv)</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/view.py" line="679" />
        <source>HTML pages (*.html)</source>
        <translation>HTML sayfaları (*.html)</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/view.py" line="680" />
        <location filename="../../gui/mailtester/qt/batch/view.py" line="694" />
        <source>Export the results</source>
        <translation>Sonuçları dışa aktar</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/view.py" line="695" />
        <source>Could not save the results: %1</source>
        <translation>Sonuçlar kaydedilemedi: %1</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/view.py" line="698" />
        <source>Results saved to %1</source>
        <translation>Sonuçlar %1 dosyasına kaydedildi</translation>
    </message>
</context>
<context>
    <name>Detection</name>
    <message>
        <location filename="../../gui/mailtester/qt/views/detect.py" line="147" />
        <source>Find settings</source>
        <translation>Ayarları bul</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/detect.py" line="149" />
        <source>Find the server settings for this address</source>
        <translation>Bu adresin sunucu ayarlarını bul</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/detect.py" line="150" />
        <source>Look up the incoming and outgoing servers from the address; the password is not used</source>
        <translation>Gelen ve giden posta sunucularını adresten bulur; parola kullanılmaz</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/detect.py" line="177" />
        <location filename="../../gui/mailtester/qt/views/detect.py" line="179" />
        <source>Look up settings online</source>
        <translation>Ayarları çevrimiçi ara</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/detect.py" line="236" />
        <source>Enter the whole address first, for example you@example.com.</source>
        <translation>Önce adresin tamamını girin, örneğin siz@example.com.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/detect.py" line="251" />
        <source>Looking for the settings of %1…</source>
        <translation>%1 için ayarlar aranıyor…</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/detect.py" line="284" />
        <source>No settings found for %1.</source>
        <translation>%1 için ayar bulunamadı.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/detect.py" line="285" />
        <source>Ask your provider or administrator for the server names and enter them below.</source>
        <translation>Sunucu adlarını sağlayıcınıza veya yöneticinize sorun ve aşağıya girin.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/detect.py" line="287" />
        <source>Settings found for %1: check them.</source>
        <translation>%1 için ayarlar bulundu: kontrol edin.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/detect.py" line="288" />
        <source>Read the warning under the server before you use it.</source>
        <translation>Sunucuyu kullanmadan önce altındaki uyarıyı okuyun.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/detect.py" line="290" />
        <location filename="../../gui/mailtester/qt/views/detect.py" line="330" />
        <source>Settings found for %1.</source>
        <translation>%1 için ayarlar bulundu.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/detect.py" line="292" />
        <source>Only the built-in provider database was asked: online lookup is off under Advanced.</source>
        <translation>Yalnızca yerleşik sağlayıcı veritabanına bakıldı: Gelişmiş altında çevrimiçi arama kapalı.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/detect.py" line="361" />
        <source>Found in: %1</source>
        <translation>Bulunduğu yer: %1</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/detect.py" line="363" />
        <source>It answered a check made without your password.</source>
        <translation>Parolanız kullanılmadan yapılan bir denemeye yanıt verdi.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/detect.py" line="366" />
        <source>The provider gives the user name as %1.</source>
        <translation>Sağlayıcıya göre kullanıcı adı: %1.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/detect.py" line="368" />
        <source>Your own server is kept; pick one of these to use it instead.</source>
        <translation>Girdiğiniz sunucu korunuyor; onun yerine bunlardan birini kullanmak için seçin.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/detect.py" line="373" />
        <source>unencrypted</source>
        <translation>şifrelenmemiş</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/detect.py" line="380" />
        <source>the built-in provider database</source>
        <translation>yerleşik sağlayıcı veritabanı</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/detect.py" line="381" />
        <source>the provider's autoconfig file</source>
        <translation>sağlayıcının autoconfig dosyası</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/detect.py" line="382" />
        <source>the provider's web site (.well-known)</source>
        <translation>sağlayıcının web sitesi (.well-known)</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/detect.py" line="383" />
        <source>the online provider database</source>
        <translation>çevrimiçi sağlayıcı veritabanı</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/detect.py" line="384" />
        <source>Microsoft 365's Autodiscover</source>
        <translation>Microsoft 365'in Autodiscover hizmeti</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/detect.py" line="385" />
        <source>the domain's MX record</source>
        <translation>alan adının MX kaydı</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/detect.py" line="386" />
        <source>the domain's SRV records</source>
        <translation>alan adının SRV kayıtları</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/detect.py" line="387" />
        <source>a probe of the usual server names</source>
        <translation>olağan sunucu adlarının yoklanması</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/detect.py" line="393" />
        <source>Check the server name with your provider before your password goes there.</source>
        <translation>Parolanız oraya gitmeden önce sunucu adını sağlayıcınıza doğrulatın.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/detect.py" line="395" />
        <source>This server's certificate could not be verified, so it may not be who it claims to be.</source>
        <translation>Bu sunucunun sertifikası doğrulanamadı; kendini tanıttığı sunucu olmayabilir.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/detect.py" line="400" />
        <source>These settings came over plain HTTP, which anyone on the network could have changed.</source>
        <translation>Bu ayarlar şifresiz HTTP ile geldi; ağdaki herhangi biri onları değiştirmiş olabilir.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/detect.py" line="402" />
        <source>This server was only guessed from the usual names and was not named by your provider.</source>
        <translation>Bu sunucu yalnızca olağan adlardan tahmin edildi; sağlayıcınız onu bildirmedi.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/detect.py" line="404" />
        <source>These settings came from DNS records, which are not protected against changes on the way.</source>
        <translation>Bu ayarlar DNS kayıtlarından geldi; bu kayıtlar yolda değiştirilmeye karşı korunmaz.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/detect.py" line="407" />
        <source>These settings came over a connection that is not protected.</source>
        <translation>Bu ayarlar korunmayan bir bağlantı üzerinden geldi.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/detect.py" line="430" />
        <source>Provider database</source>
        <translation>Sağlayıcı veritabanı</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/detect.py" line="436" />
        <source>%1 (plain HTTP)</source>
        <translation>%1 (şifresiz HTTP)</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/detect.py" line="438" />
        <source>MX of %1</source>
        <translation>%1 MX kaydı</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/detect.py" line="440" />
        <source>SRV records of %1</source>
        <translation>%1 SRV kayıtları</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/detect.py" line="442" />
        <source>Online provider database</source>
        <translation>Çevrimiçi sağlayıcı veritabanı</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/detect.py" line="444" />
        <source>Microsoft 365 (Autodiscover)</source>
        <translation>Microsoft 365 (Autodiscover)</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/detect.py" line="446" />
        <source>Usual server names</source>
        <translation>Olağan sunucu adları</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/detect.py" line="420" />
        <source>found</source>
        <translation>bulundu</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/detect.py" line="182" />
        <source>Off: only the built-in provider database is asked, and nothing goes over the network.</source>
        <translation>Kapalıyken yalnızca yerleşik sağlayıcı veritabanına bakılır ve ağ üzerinden hiçbir şey gönderilmez.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/detect.py" line="420" />
        <source>not found</source>
        <translation>bulunamadı</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/detect.py" line="420" />
        <source>error</source>
        <translation>hata</translation>
    </message>
</context>
<context>
    <name>DiagnosisPanel</name>
    <message>
        <location filename="../../gui/mailtester/qt/views/diagnosis.py" line="68" />
        <source>Diagnosis</source>
        <translation>Tanı</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/diagnosis.py" line="76" />
        <location filename="../../gui/mailtester/qt/views/diagnosis.py" line="306" />
        <source>Certificate shown by the server</source>
        <translation>Sunucunun gösterdiği sertifika</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/diagnosis.py" line="86" />
        <source>Forget the trusted certificate</source>
        <translation>Güvenilen sertifikayı unut</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/diagnosis.py" line="149" />
        <source>Each failed try may count toward the provider's lockout.</source>
        <translation>Her başarısız deneme, sağlayıcının kilidine sayılabilir.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/diagnosis.py" line="159" />
        <source>Ready.</source>
        <translation>Hazır.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/diagnosis.py" line="169" />
        <source>Testing…</source>
        <translation>Test ediliyor…</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/diagnosis.py" line="170" />
        <source>Watch the timeline: every line exchanged with the server appears as it happens.</source>
        <translation>Zaman çizelgesini izleyin: sunucuyla alınıp verilen her satır olduğu anda görünür.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/diagnosis.py" line="173" />
        <source>Cancelled after %1 s.</source>
        <translation>%1 sn sonra iptal edildi.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/diagnosis.py" line="174" />
        <source>Cancelled.</source>
        <translation>İptal edildi.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/diagnosis.py" line="175" />
        <source>The test was stopped; nothing more was sent.</source>
        <translation>Test durduruldu; başka bir şey gönderilmedi.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/diagnosis.py" line="194" />
        <source>Incoming server (%1)</source>
        <translation>Gelen posta sunucusu (%1)</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/diagnosis.py" line="195" />
        <source>Outgoing server (SMTP)</source>
        <translation>Giden posta sunucusu (SMTP)</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/diagnosis.py" line="204" />
        <source>Receiving works, with a warning: this account can log in and read mail.</source>
        <translation>Posta alma çalışıyor, ancak bir uyarı var: bu hesap giriş yapıp postalarını okuyabilir.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/diagnosis.py" line="207" />
        <source>This account can log in and send, with a warning.</source>
        <translation>Bu hesap giriş yapıp posta gönderebilir, ancak bir uyarı var.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/diagnosis.py" line="220" />
        <source>The server said:</source>
        <translation>Sunucunun yanıtı:</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/diagnosis.py" line="229" />
        <source>Technical detail:</source>
        <translation>Teknik ayrıntı:</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/diagnosis.py" line="254" />
        <source>Server</source>
        <translation>Sunucu</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/diagnosis.py" line="254" />
        <source>Port</source>
        <translation>Bağlantı noktası</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/diagnosis.py" line="255" />
        <source>Connection security</source>
        <translation>Bağlantı güvenliği</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/diagnosis.py" line="257" />
        <source>Authentication method</source>
        <translation>Kimlik doğrulama yöntemi</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/diagnosis.py" line="267" />
        <source>Encrypted password</source>
        <translation>Şifrelenmiş parola</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/diagnosis.py" line="269" />
        <source>OAuth2</source>
        <translation>OAuth2</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/diagnosis.py" line="292" />
        <source>Security</source>
        <translation>Güvenlik</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/diagnosis.py" line="329" />
        <source>IP address</source>
        <translation>IP adresi</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/diagnosis.py" line="329" />
        <source>email</source>
        <translation>e-posta</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/diagnosis.py" line="334" />
        <source>Mail programs will not trust this certificate: they check it against the authorities this computer trusts, not against the fingerprint you trusted here, so they will warn or refuse. What fixes that: the server's administrator installs a certificate from a public certificate authority; or your organization's certificate authority is installed on this computer; or you use the provider's proper server name, the one its certificate names.</source>
        <translation>Posta programları bu sertifikaya güvenmez: onu burada güvendiğiniz parmak izine göre değil, bu bilgisayarın güvendiği makamlara göre denetler; bu yüzden uyarır ya da bağlanmayı reddeder. Bunu düzeltmenin yolları: sunucunun yöneticisi herkese açık bir sertifika makamından alınmış bir sertifika kurar; ya da kuruluşunuzun sertifika makamı bu bilgisayara kurulur; ya da sağlayıcının doğru sunucu adını, sertifikasında yazan adı kullanırsınız.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/diagnosis.py" line="348" />
        <source>Trusted for %1. Test again to use it.</source>
        <translation>%1 için güvenildi. Kullanmak için yeniden test edin.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/diagnosis.py" line="356" />
        <source>no longer trusted</source>
        <translation>artık güvenilmiyor</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/diagnosis.py" line="357" />
        <source>The certificate is no longer trusted for %1: the next test will stop at it before sending the password.</source>
        <translation>Sertifikaya %1 için artık güvenilmiyor: sonraki test parolayı göndermeden önce onda duracak.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/diagnosis.py" line="262" />
        <source>None</source>
        <translation>Yok</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/diagnosis.py" line="256" />
        <source>User name</source>
        <translation>Kullanıcı adı</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/diagnosis.py" line="295" />
        <location filename="../../gui/mailtester/qt/views/diagnosis.py" line="299" />
        <source>Encryption</source>
        <translation>Şifreleme</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/diagnosis.py" line="161" />
        <source>Fill in the account and choose Test account. The OAuth2 access token is sent only over an encrypted connection unless you allow otherwise.</source>
        <translation>Hesabı doldurun ve Hesabı test et'i seçin. Aksine izin vermedikçe OAuth2 erişim belirteci yalnızca şifreli bir bağlantı üzerinden gönderilir.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/diagnosis.py" line="163" />
        <source>Fill in the account and choose Test account. The password is sent only over an encrypted connection unless you allow otherwise.</source>
        <translation>Hesabı doldurun ve Hesabı test et'i seçin. Aksine izin vermedikçe parola yalnızca şifreli bir bağlantı üzerinden gönderilir.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/diagnosis.py" line="84" />
        <source>Trust this certificate…</source>
        <translation>Bu sertifikaya güven…</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/diagnosis.py" line="164" />
        <source>Not tested.</source>
        <translation>Test edilmedi.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/diagnosis.py" line="165" />
        <source>No incoming server was entered, so receiving was not tested.</source>
        <translation>Gelen sunucu girilmediği için posta alma test edilmedi.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/diagnosis.py" line="166" />
        <source>No outgoing server was entered, so sending was not tested.</source>
        <translation>Giden sunucu girilmediği için posta gönderme test edilmedi.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/diagnosis.py" line="205" />
        <source>Receiving works: this account can log in and read mail.</source>
        <translation>Posta alma çalışıyor: bu hesap giriş yapıp postalarını okuyabilir.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/diagnosis.py" line="208" />
        <source>This account can log in and send.</source>
        <translation>Bu hesap giriş yapıp posta gönderebilir.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/diagnosis.py" line="209" />
        <source>The server accepted the user name and the OAuth2 access token. Use these settings in your mail program, with OAuth2 as its sign-in method:</source>
        <translation>Sunucu kullanıcı adını ve OAuth2 erişim belirtecini kabul etti. Posta programınızda şu ayarları, oturum açma yöntemi olarak OAuth2 ile kullanın:</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/diagnosis.py" line="212" />
        <source>The server accepted the user name and password. Use these settings in your mail program:</source>
        <translation>Sunucu kullanıcı adını ve parolayı kabul etti. Posta programınızda şu ayarları kullanın:</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/diagnosis.py" line="219" />
        <source>What to do</source>
        <translation>Ne yapmalı</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/diagnosis.py" line="219" />
        <source>More help</source>
        <translation>Daha fazla yardım</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/diagnosis.py" line="219" />
        <source>Usual causes</source>
        <translation>Olası nedenler</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/diagnosis.py" line="253" />
        <source>Protocol</source>
        <translation>Protokol</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/diagnosis.py" line="270" />
        <source>Normal password</source>
        <translation>Normal parola</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/diagnosis.py" line="296" />
        <source>Certificate</source>
        <translation>Sertifika</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/diagnosis.py" line="296" />
        <location filename="../../gui/mailtester/qt/views/diagnosis.py" line="355" />
        <source>trusted by you, by its fingerprint</source>
        <translation>parmak iziyle, sizin güveninizle</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/diagnosis.py" line="297" />
        <source>verified by an authority this computer trusts</source>
        <translation>bu bilgisayarın güvendiği bir makamca doğrulandı</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/diagnosis.py" line="299" />
        <source>none</source>
        <translation>yok</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/diagnosis.py" line="300" />
        <source>Login exchange</source>
        <translation>Giriş alışverişi</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/diagnosis.py" line="314" />
        <source>Subject</source>
        <translation>Sahibi</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/diagnosis.py" line="314" />
        <source>Issuer</source>
        <translation>Veren</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/diagnosis.py" line="315" />
        <source>Names</source>
        <translation>Adlar</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/diagnosis.py" line="316" />
        <source>Expires</source>
        <translation>Bitiş</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/diagnosis.py" line="317" />
        <source>SHA-256 fingerprint</source>
        <translation>SHA-256 parmak izi</translation>
    </message>
</context>
<context>
    <name>InputError</name>
    <message>
        <location filename="../../gui/mailtester/qt/i18n.py" line="153" />
        <source>Enter the server name, for example smtp.example.com.</source>
        <translation>Sunucu adını girin, örneğin smtp.example.com.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/i18n.py" line="154" />
        <source>The server name contains a line break or control character.</source>
        <translation>Sunucu adı bir satır sonu ya da denetim karakteri içeriyor.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/i18n.py" line="155" />
        <source>Enter only the server name, without a prefix like smtp:// or https://.</source>
        <translation>Yalnızca sunucu adını, smtp:// veya https:// gibi bir önek olmadan girin.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/i18n.py" line="156" />
        <source>The server name cannot contain spaces.</source>
        <translation>Sunucu adı boşluk içeremez.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/i18n.py" line="157" />
        <source>Enter only the server name, without a path or an @.</source>
        <translation>Yalnızca sunucu adını, yol ve @ olmadan girin.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/i18n.py" line="158" />
        <source>This is not a valid IPv6 address.</source>
        <translation>Bu geçerli bir IPv6 adresi değil.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/i18n.py" line="159" />
        <source>Enter the port in its own field, not after the server name.</source>
        <translation>Bağlantı noktasını sunucu adının ardına değil, kendi alanına girin.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/i18n.py" line="160" />
        <source>This is not a valid server name: use letters, digits, dots and hyphens.</source>
        <translation>Bu geçerli bir sunucu adı değil: harf, rakam, nokta ve tire kullanın.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/i18n.py" line="161" />
        <source>The port must be a number from 1 to 65535.</source>
        <translation>Bağlantı noktası 1 ile 65535 arasında bir sayı olmalıdır.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/i18n.py" line="162" />
        <source>The user name contains a line break or control character.</source>
        <translation>Kullanıcı adı bir satır sonu ya da denetim karakteri içeriyor.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/i18n.py" line="163" />
        <source>The password contains a line break, which cannot be sent.</source>
        <translation>Parola, gönderilemeyecek bir satır sonu içeriyor.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/i18n.py" line="164" />
        <source>The token contains a line break, which cannot be sent.</source>
        <translation>Belirteç, gönderilemeyecek bir satır sonu içeriyor.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="119" />
        <source>Mail Account Tester</source>
        <translation>Mail Account Tester</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="136" />
        <source>Sa&amp;ved accounts:</source>
        <translation>&amp;Kayıtlı hesaplar:</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="141" />
        <source>Saved accounts</source>
        <translation>Kayıtlı hesaplar</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="145" />
        <source>Forget</source>
        <translation>Unut</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="219" />
        <source>Cop&amp;y report</source>
        <translation>Raporu kopyala</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="146" />
        <source>Forget the selected account and its passwords</source>
        <translation>Seçili hesabı ve parolalarını unut</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="173" />
        <source>Test rece&amp;iving</source>
        <translation>Posta al&amp;mayı test et</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="175" />
        <source>Test only the incoming server</source>
        <translation>Yalnızca gelen sunucuyu test et</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="176" />
        <source>Test se&amp;nding</source>
        <translation>P&amp;osta göndermeyi test et</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="178" />
        <source>Test only the outgoing server</source>
        <translation>Yalnızca giden sunucuyu test et</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="182" />
        <location filename="../../gui/mailtester/qt/views/window.py" line="501" />
        <source>Test &amp;account</source>
        <translation>Hesabı &amp;test et</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="185" />
        <location filename="../../gui/mailtester/qt/views/window.py" line="502" />
        <source>Test account</source>
        <translation>Hesabı test et</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="186" />
        <source>Test receiving and sending at the same time</source>
        <translation>Posta almayı ve göndermeyi aynı anda test et</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="211" />
        <source>Results of receiving and sending</source>
        <translation>Posta alma ve gönderme sonuçları</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="221" />
        <source>Save report…</source>
        <translation>Raporu kaydet…</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="189" />
        <source>Check many accounts…</source>
        <translation>Bir&amp;çok hesabı test et…</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="191" />
        <source>Check the accounts of a CSV or Excel sheet at once (Ctrl+B)</source>
        <translation>Bir CSV veya Excel tablosundaki hesapları birlikte test edin (Ctrl+B)</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="236" />
        <source>Open folder</source>
        <translation>Klasörü aç</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="237" />
        <source>Open the folder of the saved report</source>
        <translation>Kaydedilen raporun klasörünü aç</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="460" />
        <source>Cancelled after %1 s.</source>
        <translation>%1 sn sonra iptal edildi.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="461" />
        <source>Cancelled.</source>
        <translation>İptal edildi.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="491" />
        <source>Cancel</source>
        <translation>İptal</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="492" />
        <source>Cancel the test</source>
        <translation>Testi iptal et</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="496" />
        <source>Testing…</source>
        <translation>Test ediliyor…</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="524" />
        <source>Receiving (%1)</source>
        <translation>Gelen posta (%1)</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="526" />
        <source>Sending (SMTP)</source>
        <translation>Giden posta (SMTP)</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="528" />
        <source>testing</source>
        <translation>test ediliyor</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="529" />
        <source>works</source>
        <translation>çalışıyor</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="529" />
        <source>failed</source>
        <translation>başarısız</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="530" />
        <source>cancelled</source>
        <translation>iptal edildi</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="531" />
        <source>not tested</source>
        <translation>test edilmedi</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="535" />
        <source>works, with a warning</source>
        <translation>çalışıyor, bir uyarıyla</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="547" />
        <source>the password crossed the network unencrypted.</source>
        <translation>parola ağda şifrelenmeden iletildi.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="548" />
        <source>it works only with the certificate you trusted.</source>
        <translation>yalnızca güvendiğiniz sertifikayla çalışıyor.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="550" />
        <source>Warning about receiving: %1</source>
        <translation>Posta alma uyarısı: %1</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="551" />
        <source>Warning about sending: %1</source>
        <translation>Posta gönderme uyarısı: %1</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="557" />
        <source>This account can receive and send mail.</source>
        <translation>Bu hesap posta alıp gönderebilir.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="559" />
        <source>Receiving works. Sending: %1</source>
        <translation>Posta alma çalışıyor. Posta gönderme: %1</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="561" />
        <source>Sending works. Receiving: %1</source>
        <translation>Posta gönderme çalışıyor. Posta alma: %1</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="563" />
        <source>Receiving and sending: %1</source>
        <translation>Posta alma ve gönderme: %1</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="565" />
        <source>Receiving: %1 Sending: %2</source>
        <translation>Posta alma: %1 Posta gönderme: %2</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="568" />
        <source>Receiving works. Sending was not tested.</source>
        <translation>Posta alma çalışıyor. Posta gönderme test edilmedi.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="569" />
        <source>Receiving: %1 Sending was not tested.</source>
        <translation>Posta alma: %1 Posta gönderme test edilmedi.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="571" />
        <source>Sending works. Receiving was not tested.</source>
        <translation>Posta gönderme çalışıyor. Posta alma test edilmedi.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="572" />
        <source>Sending: %1 Receiving was not tested.</source>
        <translation>Posta gönderme: %1 Posta alma test edilmedi.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="574" />
        <source>Nothing was tested.</source>
        <translation>Hiçbir şey test edilmedi.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="599" />
        <source>Report copied (Markdown, password removed).</source>
        <translation>Rapor kopyalandı (Markdown, parola çıkarıldı).</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="616" />
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="616" />
        <source>HTML (*.html)</source>
        <translation>HTML (*.html)</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="617" />
        <source>Save report</source>
        <translation>Raporu kaydet</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="627" />
        <source>Could not save the report: %1</source>
        <translation>Rapor kaydedilemedi: %1</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="655" />
        <source>Subject</source>
        <translation>Sahibi</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="655" />
        <source>Issuer</source>
        <translation>Veren</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="656" />
        <source>SHA-256 fingerprint</source>
        <translation>SHA-256 parmak izi</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="661" />
        <source>Trust this certificate?</source>
        <translation>Bu sertifikaya güvenilsin mi?</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="651" />
        <source>Only trust this certificate if you know it belongs to %1, for example a mail bridge on this computer or a server your organization runs.

From now on the test will accept exactly this certificate for this server and port, and refuse any other.</source>
        <translation>Bu sertifikaya yalnızca %1 sunucusuna ait olduğunu biliyorsanız güvenin; örneğin bu bilgisayardaki bir posta köprüsü ya da kuruluşunuzun çalıştırdığı bir sunucu.

Bundan sonra test, bu sunucu ve bağlantı noktası için tam olarak bu sertifikayı kabul edecek, başka her sertifikayı reddedecek.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="634" />
        <source>Report saved as %1</source>
        <translation>Rapor kaydedildi: %1</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="665" />
        <source>Certificate trusted for this server. Test again.</source>
        <translation>Bu sunucu için sertifikaya güvenildi. Yeniden test edin.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="673" />
        <source>The trusted certificate was removed.</source>
        <translation>Güvenilen sertifika kaldırıldı.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="675" />
        <source>%1 The trusted certificate was forgotten: the next test will stop at it.</source>
        <translation>%1 Güvenilen sertifika unutuldu: sonraki test onda duracak.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="682" />
        <source>(new account)</source>
        <translation>(yeni hesap)</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="749" />
        <source>No system keychain is available, so the password is kept only until you close this window. It is never written to a file.</source>
        <translation>Kullanılabilir bir sistem anahtarlığı yok; bu yüzden parola yalnızca bu pencereyi kapatana kadar tutulur. Hiçbir zaman bir dosyaya yazılmaz.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="781" />
        <source>Forget this account?</source>
        <translation>Bu hesap unutulsun mu?</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="782" />
        <source>Forget “%1” and remove its passwords from the keychain?</source>
        <translation>“%1” unutulsun ve parolaları anahtarlıktan silinsin mi?</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="793" />
        <source>Account and password forgotten.</source>
        <translation>Hesap ve parola unutuldu.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="797" />
        <source>The language changes the next time the window opens.</source>
        <translation>Dil, pencere bir sonraki açılışında değişir.</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../gui/mailtester/qt/batch/view.py" line="107" />
        <location filename="../../gui/mailtester/qt/batch/view.py" line="118" />
        <source>Password</source>
        <translation>Parola</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/view.py" line="110" />
        <source>The sheet asks for the password of “%1”. Accounts that use it: %2 (%3)</source>
        <translation>Tablo “%1” parolasını istiyor. Onu kullanan hesaplar: %2 (%3)</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/batch/view.py" line="120" />
        <source>It is used for this run only and is not kept.</source>
        <translation>Yalnızca bu çalışma için kullanılır ve saklanmaz.</translation>
    </message>
</context>
<context>
    <name>PlaintextConsent</name>
    <message>
        <location filename="../../gui/mailtester/qt/views/plaintext.py" line="26" />
        <source>None: nothing is encrypted. The password crosses the network as it is typed, readable by anyone on the way (a shared Wi-Fi, the networks in between). Use it only for a server on this computer or on a network you trust.</source>
        <translation>Yok: hiçbir şey şifrelenmez. Parola ağda yazıldığı gibi gider; yoldaki herkes (paylaşılan bir Wi-Fi, aradaki ağlar) onu okuyabilir. Yalnızca bu bilgisayardaki ya da güvendiğiniz bir ağdaki bir sunucu için kullanın.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/plaintext.py" line="31" />
        <source>Send it unencrypted</source>
        <translation>Şifrelemeden gönder</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/plaintext.py" line="33" />
        <source>Send the password unencrypted</source>
        <translation>Parolayı şifrelemeden gönder</translation>
    </message>
</context>
<context>
    <name>RoundTripBox</name>
    <message>
        <location filename="../../gui/mailtester/qt/views/roundtrip.py" line="50" />
        <source> s</source>
        <translation> sn</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/roundtrip.py" line="52" />
        <source>Test message wait:</source>
        <translation>Deneme iletisi bekleme süresi:</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/roundtrip.py" line="54" />
        <source>How long to wait for the test message, in seconds</source>
        <translation>Deneme iletisinin ne kadar bekleneceği (saniye)</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/roundtrip.py" line="77" />
        <location filename="../../gui/mailtester/qt/views/roundtrip.py" line="152" />
        <source>Send a test message</source>
        <translation>Deneme iletisi gönder</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/roundtrip.py" line="79" />
        <source>Send one message from the address to itself, wait for it to arrive, then delete it</source>
        <translation>Adresten kendisine bir ileti gönder, ulaşmasını bekle, sonra sil</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/roundtrip.py" line="132" />
        <source>The test message needs the address as the user name, the same for receiving and sending.</source>
        <translation>Deneme iletisi için kullanıcı adının, alma ve gönderme için aynı e-posta adresi olması gerekir.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/roundtrip.py" line="153" />
        <source>The test sends one short message from %1 to %1 itself, waits for it to arrive, then deletes it. It goes to no other address. Send it?</source>
        <translation>Test, %1 adresinden yine %1 adresine kısa bir ileti gönderir, ulaşmasını bekler, sonra onu siler. İleti başka hiçbir adrese gitmez. Gönderilsin mi?</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/roundtrip.py" line="168" />
        <source>Sending a test message to %1 and waiting up to %2 s for it…</source>
        <translation>%1 adresine deneme iletisi gönderiliyor ve en çok %2 sn bekleniyor…</translation>
    </message>
</context>
<context>
    <name>SideChoice</name>
    <message>
        <location filename="../../gui/mailtester/qt/views/detect.py" line="95" />
        <source>Incoming servers found</source>
        <translation>Bulunan gelen posta sunucuları</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/detect.py" line="96" />
        <source>Outgoing servers found</source>
        <translation>Bulunan giden posta sunucuları</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/detect.py" line="97" />
        <source>Found:</source>
        <translation>Bulunan:</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/detect.py" line="108" />
        <source>Use this server</source>
        <translation>Bu sunucuyu kullan</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/detect.py" line="111" />
        <source>Use this incoming server despite the warning</source>
        <translation>Uyarıya rağmen bu gelen posta sunucusunu kullan</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/detect.py" line="112" />
        <source>Use this outgoing server despite the warning</source>
        <translation>Uyarıya rağmen bu giden posta sunucusunu kullan</translation>
    </message>
</context>
<context>
    <name>SidePane</name>
    <message>
        <location filename="../../gui/mailtester/qt/views/side.py" line="77" />
        <source>Show raw</source>
        <translation>Ham göster</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/side.py" line="79" />
        <source>Show the lines as sent, without decoding the server's questions</source>
        <translation>Satırları, sunucunun sorularını çözmeden, gönderildiği gibi göster</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/side.py" line="80" />
        <source>Copy lines</source>
        <translation>Satırları kopyala</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/side.py" line="82" />
        <source>Copy the selected lines of the timeline, or all of them</source>
        <translation>Zaman çizelgesinde seçili satırları ya da tümünü kopyala</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/side.py" line="90" />
        <source>Receiving timeline</source>
        <translation>Gelen posta zaman çizelgesi</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/side.py" line="92" />
        <source>Sending timeline</source>
        <translation>Giden posta zaman çizelgesi</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/side.py" line="95" />
        <source>Receiving diagnosis</source>
        <translation>Gelen posta tanısı</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/side.py" line="96" />
        <source>Sending diagnosis</source>
        <translation>Giden posta tanısı</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/side.py" line="144" />
        <source>%1 s so far · this step gives up in %2 s</source>
        <translation>%1 sn geçti · bu adım %2 sn sonra vazgeçecek</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/side.py" line="216" />
        <source>Cancelled after %1 s.</source>
        <translation>%1 sn sonra iptal edildi.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/side.py" line="217" />
        <source>The test was stopped; nothing more was sent.</source>
        <translation>Test durduruldu; başka bir şey gönderilmedi.</translation>
    </message>
</context>
<context>
    <name>SignInBox</name>
    <message>
        <location filename="../../gui/mailtester/qt/views/signin.py" line="68" />
        <source>Cancel</source>
        <translation>İptal</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/signin.py" line="72" />
        <source>Paste a token instead</source>
        <translation>Bunun yerine belirteç yapıştır</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/signin.py" line="76" />
        <source>Sign-in settings</source>
        <translation>Oturum açma ayarları</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/signin.py" line="103" />
        <location filename="../../gui/mailtester/qt/views/signin.py" line="159" />
        <source>Google</source>
        <translation>Google</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/signin.py" line="104" />
        <location filename="../../gui/mailtester/qt/views/signin.py" line="159" />
        <source>Microsoft</source>
        <translation>Microsoft</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/signin.py" line="105" />
        <source>OpenID Connect provider (issuer)</source>
        <translation>OpenID Connect sağlayıcısı (yayıncı)</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/signin.py" line="108" />
        <source>your organisation's app (client) id</source>
        <translation>kuruluşunuzun uygulama (istemci) kimliği</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/signin.py" line="111" />
        <source>Google Desktop clients only</source>
        <translation>yalnızca Google masaüstü istemcileri</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/signin.py" line="120" />
        <source>extra scopes, separated by spaces</source>
        <translation>ek kapsamlar, boşlukla ayrılmış</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/signin.py" line="122" />
        <source>Sign in with:</source>
        <translation>Oturum açma:</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/signin.py" line="123" />
        <source>Client id:</source>
        <translation>İstemci kimliği:</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/signin.py" line="124" />
        <source>Client secret:</source>
        <translation>İstemci gizli anahtarı:</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/signin.py" line="125" />
        <source>Tenant:</source>
        <translation>Kiracı:</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/signin.py" line="126" />
        <source>Issuer:</source>
        <translation>Yayıncı:</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/signin.py" line="127" />
        <source>Scopes:</source>
        <translation>Kapsamlar:</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/signin.py" line="130" />
        <source>Sign-in %1</source>
        <translation>Oturum açma: %1</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/signin.py" line="160" />
        <source>your provider</source>
        <translation>sağlayıcınız</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/signin.py" line="168" />
        <source>Sign in with %1</source>
        <translation>%1 ile oturum aç</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/signin.py" line="226" />
        <source>Not signed in. The browser opens for %1's own sign-in page; this program never sees your password.</source>
        <translation>Oturum açılmadı. Oturum açma sayfası tarayıcıda açılır (%1); bu program parolanızı hiç görmez.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/signin.py" line="237" />
        <source>Reading the sign-in settings of %1</source>
        <translation>%1 oturum açma ayarları okunuyor</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/signin.py" line="238" />
        <source>Opening the browser to sign in with %1</source>
        <translation>%1 ile oturum açmak için tarayıcı açılıyor</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/signin.py" line="239" />
        <source>Waiting for the sign-in in a browser</source>
        <translation>Bir tarayıcıda oturum açılması bekleniyor</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/signin.py" line="240" />
        <source>The browser came back with the sign-in answer</source>
        <translation>Tarayıcı oturum açma yanıtıyla döndü</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/signin.py" line="241" />
        <source>Signed in: access token received (valid %1 s, scopes %2)</source>
        <translation>Oturum açıldı: erişim belirteci alındı (%1 sn geçerli, kapsamlar %2)</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/signin.py" line="242" />
        <source>Signed in again with the stored refresh token (valid %1 s)</source>
        <translation>Saklanan yenileme belirteciyle yeniden oturum açıldı (%1 sn geçerli)</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/signin.py" line="249" />
        <source>Waiting for the browser: finish signing in there (up to %1 s).</source>
        <translation>Tarayıcı bekleniyor: oturum açmayı orada tamamlayın (en çok %1 sn).</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/signin.py" line="254" />
        <source>The browser did not come back in time. Sign in again and finish the provider's pages in the browser.</source>
        <translation>Tarayıcı zamanında dönmedi. Yeniden oturum açın ve tarayıcıda sağlayıcının sayfalarını tamamlayın.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/signin.py" line="256" />
        <source>The sign-in was cancelled or consent was refused in the browser.</source>
        <translation>Oturum açma tarayıcıda iptal edildi ya da izin verilmedi.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/signin.py" line="257" />
        <source>The provider refused the sign-in: %1</source>
        <translation>Sağlayıcı oturum açmayı reddetti: %1</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/signin.py" line="258" />
        <source>A sign-in answer arrived that does not belong to this sign-in; it was refused. Sign in again.</source>
        <translation>Bu oturum açmaya ait olmayan bir yanıt geldi ve reddedildi. Yeniden oturum açın.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/signin.py" line="260" />
        <source>The sign-in answer names another issuer (%1); it was refused.</source>
        <translation>Oturum açma yanıtı başka bir yayıncıyı (%1) gösteriyor; reddedildi.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/signin.py" line="261" />
        <source>The provider did not give a token for the sign-in: %1</source>
        <translation>Sağlayıcı oturum açma için belirteç vermedi: %1</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/signin.py" line="262" />
        <source>Cannot read the issuer's sign-in settings: %1</source>
        <translation>Yayıncının oturum açma ayarları okunamıyor: %1</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/signin.py" line="263" />
        <source>Cannot reach the sign-in server: %1</source>
        <translation>Oturum açma sunucusuna ulaşılamıyor: %1</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/signin.py" line="264" />
        <source>Check the sign-in settings: %1</source>
        <translation>Oturum açma ayarlarını denetleyin: %1</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/signin.py" line="279" />
        <source>Reading the sign-in settings…</source>
        <translation>Oturum açma ayarları okunuyor…</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/signin.py" line="287" />
        <source>Sign-in cancelled.</source>
        <translation>Oturum açma iptal edildi.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/signin.py" line="296" />
        <source>Signed in with %1 as %2. The token is kept in memory only.</source>
        <translation>%2 olarak oturum açıldı (%1). Belirteç yalnızca bellekte tutulur.</translation>
    </message>
</context>
<context>
    <name>StepsHeader</name>
    <message>
        <location filename="../../gui/mailtester/qt/views/steps.py" line="29" />
        <source>Connect</source>
        <translation>Bağlan</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/steps.py" line="29" />
        <source>Encrypt</source>
        <translation>Şifrele</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/steps.py" line="30" />
        <source>Greet</source>
        <translation>Karşıla</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/steps.py" line="30" />
        <source>Log in</source>
        <translation>Giriş yap</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/steps.py" line="31" />
        <source>not started</source>
        <translation>başlamadı</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/steps.py" line="31" />
        <source>in progress</source>
        <translation>sürüyor</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/steps.py" line="32" />
        <source>done</source>
        <translation>tamamlandı</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/steps.py" line="32" />
        <source>failed</source>
        <translation>başarısız</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/steps.py" line="33" />
        <source>skipped</source>
        <translation>atlandı</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/steps.py" line="33" />
        <source>stopped</source>
        <translation>durduruldu</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/steps.py" line="40" />
        <source>then</source>
        <translation>sonra</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <location filename="../../gui/mailtester/qt/i18n.py" line="99" />
        <source>Looking up %1</source>
        <translation>%1 aranıyor</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/i18n.py" line="100" />
        <source>The name lookup did not answer in time</source>
        <translation>Ad çözümlemesi zamanında yanıt vermedi</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/i18n.py" line="101" />
        <source>The name was not found: %1</source>
        <translation>Ad bulunamadı: %1</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/i18n.py" line="102" />
        <source>Connecting to %1 port %2</source>
        <translation>%1 adresine, %2 numaralı bağlantı noktasından bağlanılıyor</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/i18n.py" line="103" />
        <source>No answer from %1 within %2 s</source>
        <translation>%1 adresinden %2 saniye içinde yanıt gelmedi</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/i18n.py" line="104" />
        <source>%1 refused the connection</source>
        <translation>%1 bağlantıyı reddetti</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/i18n.py" line="105" />
        <source>Cannot reach %1: %2</source>
        <translation>%1 adresine ulaşılamıyor: %2</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/i18n.py" line="106" />
        <source>Connected to %1 port %2</source>
        <translation>%1 adresine, %2 numaralı bağlantı noktasından bağlanıldı</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/i18n.py" line="107" />
        <source>Gave up: the whole test took longer than %1 s</source>
        <translation>Vazgeçildi: testin tamamı %1 saniyeden uzun sürdü</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/i18n.py" line="108" />
        <source>No greeting from the server within %1 s</source>
        <translation>Sunucudan %1 saniye içinde karşılama gelmedi</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/i18n.py" line="109" />
        <source>No reply from the server within %1 s</source>
        <translation>Sunucudan %1 saniye içinde yanıt gelmedi</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/i18n.py" line="110" />
        <source>The server closed the connection</source>
        <translation>Sunucu bağlantıyı kapattı</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/i18n.py" line="111" />
        <source>Starting TLS</source>
        <translation>TLS başlatılıyor</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/i18n.py" line="112" />
        <source>TLS failed: %1</source>
        <translation>TLS başarısız: %1</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/i18n.py" line="113" />
        <source>TLS failed: the certificate changed since you trusted it</source>
        <translation>TLS başarısız: sertifika, ona güvendiğinizden beri değişti</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/i18n.py" line="114" />
        <source>TLS established: %1, %2</source>
        <translation>TLS kuruldu: %1, %2</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/i18n.py" line="115" />
        <source>TLS established: %1, %2 (certificate pinned by you)</source>
        <translation>TLS kuruldu: %1, %2 (sertifikayı siz sabitlediniz)</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/i18n.py" line="116" />
        <source>Discarded data the server sent after 220 and before encryption started</source>
        <translation>Sunucunun 220'den sonra ve şifreleme başlamadan önce gönderdiği veriler atıldı</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/i18n.py" line="118" />
        <source>Discarded data the server sent after its go-ahead and before encryption started</source>
        <translation>Sunucunun onay verdikten sonra ve şifreleme başlamadan önce gönderdiği veriler atıldı</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/i18n.py" line="120" />
        <source>Server offers %1; using %2</source>
        <translation>Sunucu şunları sunuyor: %1; kullanılan: %2</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/i18n.py" line="121" />
        <source>Server offers %1; using the %2 command</source>
        <translation>Sunucu şunları sunuyor: %1; %2 komutu kullanılıyor</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/i18n.py" line="122" />
        <source>Without encryption CRAM-MD5 is used: the password itself does not cross the network</source>
        <translation>Şifreleme olmadığından CRAM-MD5 kullanılıyor: parolanın kendisi ağdan geçmez</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/i18n.py" line="124" />
        <source>The server does not list its capabilities; trying the usual commands</source>
        <translation>Sunucu yeteneklerini listelemiyor; olağan komutlar deneniyor</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/i18n.py" line="126" />
        <source>No greeting yet: trying SSL/TLS on a second connection to the same port (no password sent)</source>
        <translation>Henüz karşılama yok: aynı bağlantı noktasına ikinci bir bağlantıda SSL/TLS deneniyor (parola gönderilmedi)</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/i18n.py" line="128" />
        <source>The second connection answered in SSL/TLS: this port expects encryption from the first byte</source>
        <translation>İkinci bağlantı SSL/TLS ile yanıt verdi: bu bağlantı noktası ilk bayttan itibaren şifreleme bekliyor</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/i18n.py" line="130" />
        <source>The second connection did not answer in SSL/TLS either</source>
        <translation>İkinci bağlantı da SSL/TLS ile yanıt vermedi</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/i18n.py" line="131" />
        <source>Reading what the port says without encryption, on a second connection (no password sent)</source>
        <translation>Bağlantı noktasının şifreleme olmadan ne söylediği ikinci bir bağlantıda okunuyor (parola gönderilmedi)</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/i18n.py" line="133" />
        <source>Without encryption this port speaks %1</source>
        <translation>Şifreleme olmadan bu bağlantı noktası %1 konuşuyor</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/i18n.py" line="134" />
        <source>Without encryption this port speaks %1 and offers STARTTLS</source>
        <translation>Şifreleme olmadan bu bağlantı noktası %1 konuşuyor ve STARTTLS sunuyor</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/models/timeline.py" line="35" />
        <source>You</source>
        <translation>Siz</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/models/timeline.py" line="35" />
        <source>Server</source>
        <translation>Sunucu</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/models/timeline.py" line="36" />
        <source>Note</source>
        <translation>Not</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/models/timeline.py" line="46" />
        <source>Hello: this computer introduces itself and asks what the server offers.</source>
        <translation>Merhaba: bu bilgisayar kendini tanıtır ve sunucunun neler sunduğunu sorar.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/models/timeline.py" line="47" />
        <source>STARTTLS: encrypt the connection before anything secret is sent.</source>
        <translation>STARTTLS: gizli bir şey gönderilmeden önce bağlantı şifrelenir.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/models/timeline.py" line="48" />
        <source>Log in: the user name and password, in a method the server offered.</source>
        <translation>Giriş: kullanıcı adı ve parola, sunucunun sunduğu bir yöntemle.</translation>
    </message>
</context>
<context>
    <name>TimelineDelegate</name>
    <message>
        <location filename="../../gui/mailtester/qt/views/timeline.py" line="141" />
        <source>not base64</source>
        <translation>base64 değil</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/timeline.py" line="77" />
        <source>Server asks: %1</source>
        <translation>Sunucu soruyor: %1</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/timeline.py" line="78" />
        <source>You answer: %1</source>
        <translation>Yanıtınız: %1</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <location filename="../../gui/mailtester/qt/models/timeline.py" line="134" />
        <source>%1
Not valid base64: shown as the server sent it.</source>
        <translation>%1
Geçerli base64 değil: sunucunun gönderdiği gibi gösteriliyor.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/models/timeline.py" line="159" />
        <source>Server asks: %1</source>
        <translation>Sunucu soruyor: %1</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/models/timeline.py" line="161" />
        <source>You answer: %1</source>
        <translation>Yanıtınız: %1</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/models/timeline.py" line="165" />
        <source>This computer sent</source>
        <translation>Bu bilgisayar gönderdi</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/models/timeline.py" line="165" />
        <source>Server sent</source>
        <translation>Sunucu gönderdi</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/models/timeline.py" line="165" />
        <source>Note</source>
        <translation>Not</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/models/timeline.py" line="168" />
        <source>encrypted</source>
        <translation>şifreli</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/models/timeline.py" line="170" />
        <source>decoded: %1</source>
        <translation>çözülmüş: %1</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <location filename="../../gui/mailtester/qt/views/timeline.py" line="171" />
        <source>Handshake timeline</source>
        <translation>El sıkışma zaman çizelgesi</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/timeline.py" line="172" />
        <source>Every line exchanged with the server, with decoded challenges</source>
        <translation>Sunucuyla alınıp verilen her satır, çözülmüş sorgularla birlikte</translation>
    </message>
</context>
<context>
    <name>_Wiring</name>
    <message>
        <location filename="../../gui/mailtester/qt/views/signin.py" line="397" />
        <source>The password and the OAuth2 sign-in are kept in the system keychain, never in a file.</source>
        <translation>Parola ve OAuth2 oturumu sistem anahtarlığında tutulur, hiçbir zaman bir dosyada değil.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/signin.py" line="399" />
        <source>The access token is kept in the system keychain, never in a file.</source>
        <translation>Erişim belirteci sistem anahtarlığında tutulur, hiçbir zaman bir dosyada değil.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/signin.py" line="401" />
        <source>The sign-in (its refresh token, never the access token) is kept in the system keychain, never in a file.</source>
        <translation>Oturum (erişim belirteci değil, yalnızca yenileme belirteci) sistem anahtarlığında tutulur, hiçbir zaman bir dosyada değil.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/signin.py" line="409" />
        <source>Sign-in:</source>
        <translation>Oturum açma:</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/signin.py" line="412" />
        <source>Sign in first (or paste an access token).</source>
        <translation>Önce oturum açın (ya da bir erişim belirteci yapıştırın).</translation>
    </message>
</context>
<context>
    <name>f</name>
    <message>
        <location filename="../../gui/mailtester/qt/views/signin.py" line="395" />
        <source>The password is kept in the system keychain, never in a file.</source>
        <translation>Parola sistem anahtarlığında tutulur, hiçbir zaman bir dosyada değil.</translation>
    </message>
</context>
</TS>