<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="tr_TR">
<context>
    <name>AccountForm</name>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="105" />
        <source>Other (enter the server yourself)</source>
        <translation>Diğer (sunucuyu kendiniz girin)</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="106" />
        <source>Demo server (built in)</source>
        <translation>Tanıtım sunucusu (yerleşik)</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="107" />
        <source>Demo server (wrong password)</source>
        <translation>Tanıtım sunucusu (yanlış parola)</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="112" />
        <source>&amp;Provider:</source>
        <translation>&amp;Sağlayıcı:</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="114" />
        <source>Provider presets</source>
        <translation>Sağlayıcı ön ayarları</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="121" />
        <source>you@example.com</source>
        <translation>siz@example.com</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="122" />
        <source>&amp;Email or user name:</source>
        <translation>&amp;E-posta veya kullanıcı adı:</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="122" />
        <source>Email address or user name</source>
        <translation>E-posta adresi veya kullanıcı adı</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="128" />
        <source>Use its settings</source>
        <translation>Ayarlarını kullan</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="142" />
        <location filename="../../gui/mailtester/qt/views/form.py" line="280" />
        <source>Show</source>
        <translation>Göster</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="144" />
        <source>Show password</source>
        <translation>Parolayı göster</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="148" />
        <location filename="../../gui/mailtester/qt/views/form.py" line="295" />
        <source>Pass&amp;word:</source>
        <translation>Paro&amp;la:</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="148" />
        <location filename="../../gui/mailtester/qt/views/form.py" line="296" />
        <source>Password</source>
        <translation>Parola</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="156" />
        <source>smtp.example.com</source>
        <translation>smtp.example.com</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="157" />
        <source>&amp;Server:</source>
        <translation>S&amp;unucu:</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="157" />
        <source>Outgoing mail server</source>
        <translation>Giden posta sunucusu</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="165" />
        <source>P&amp;ort:</source>
        <translation>&amp;Bağlantı noktası:</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="165" />
        <source>Port</source>
        <translation>Bağlantı noktası</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="171" />
        <source>SSL/TLS</source>
        <translation>SSL/TLS</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="172" />
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="173" />
        <source>None (unencrypted)</source>
        <translation>Yok (şifresiz)</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="175" />
        <source>Se&amp;curity:</source>
        <translation>&amp;Güvenlik:</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="175" />
        <source>Connection security</source>
        <translation>Bağlantı güvenliği</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="179" />
        <location filename="../../gui/mailtester/qt/views/form.py" line="212" />
        <source>Automatic</source>
        <translation>Otomatik</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="182" />
        <location filename="../../gui/mailtester/qt/views/form.py" line="296" />
        <source>OAuth2 access token</source>
        <translation>OAuth2 erişim belirteci</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="183" />
        <source>&amp;Method:</source>
        <translation>&amp;Yöntem:</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="183" />
        <source>Authentication method</source>
        <translation>Kimlik doğrulama yöntemi</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="188" />
        <source>Advanced</source>
        <translation>Gelişmiş</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="200" />
        <source>only the system's trusted authorities</source>
        <translation>yalnızca sistemin güvendiği kuruluşlar</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="201" />
        <source>&amp;Browse…</source>
        <translation>&amp;Gözat…</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="206" />
        <source>Extra &amp;CA file:</source>
        <translation>Ek &amp;CA dosyası:</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="206" />
        <source>Extra CA certificate file</source>
        <translation>Ek CA sertifika dosyası</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="213" />
        <source>IPv4 only</source>
        <translation>Yalnızca IPv4</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="214" />
        <source>IPv6 only</source>
        <translation>Yalnızca IPv6</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="215" />
        <source>&amp;IP version:</source>
        <translation>&amp;IP sürümü:</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="215" />
        <source>IP version</source>
        <translation>IP sürümü</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="221" />
        <source> s</source>
        <translation> sn</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="222" />
        <source>&amp;Timeout per step:</source>
        <translation>Adım başına &amp;zaman aşımı:</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="222" />
        <source>Timeout per step in seconds</source>
        <translation>Adım başına saniye cinsinden zaman aşımı</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="223" />
        <source>Allow &amp;unencrypted login</source>
        <translation>Şi&amp;fresiz girişe izin ver</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="238" />
        <source>&amp;Remember this account</source>
        <translation>Bu hesabı &amp;hatırla</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="241" />
        <source>The password is kept in the system keychain, never in a file.</source>
        <translation>Parola sistem anahtarlığında tutulur, hiçbir zaman bir dosyada değil.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="225" />
        <source>Allow plaintext login</source>
        <translation>Şifresiz girişe izin ver</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="227" />
        <source>Only on a network you trust: without encryption the password can be read on its way.</source>
        <translation>Yalnızca güvendiğiniz bir ağda: şifreleme olmadan parola yolda okunabilir.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="231" />
        <source>System default</source>
        <translation>Sistem varsayılanı</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="234" />
        <source>&amp;Language:</source>
        <translation>&amp;Dil:</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="234" />
        <source>Language of the window</source>
        <translation>Pencerenin dili</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="280" />
        <source>Hide</source>
        <translation>Gizle</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="295" />
        <source>Access &amp;token:</source>
        <translation>Erişim &amp;belirteci:</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="306" />
        <source>automatic</source>
        <translation>otomatik</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="331" />
        <source>This looks like a %1 address.</source>
        <translation>Bu bir %1 adresine benziyor.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="332" />
        <source>Use %1 settings</source>
        <translation>%1 ayarlarını kullan</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="341" />
        <source>Choose a CA certificate file</source>
        <translation>Bir CA sertifika dosyası seçin</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="342" />
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Sertifikalar (*.pem *.crt *.cer);;Tüm dosyalar (*)</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="390" />
        <source>The user name starts or ends with a space.</source>
        <translation>Kullanıcı adı bir boşlukla başlıyor ya da bitiyor.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="393" />
        <source>This file does not exist.</source>
        <translation>Bu dosya yok.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="401" />
        <source>Enter the email address or user name.</source>
        <translation>E-posta adresini veya kullanıcı adını girin.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="403" />
        <source>Enter the access token.</source>
        <translation>Erişim belirtecini girin.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/form.py" line="403" />
        <source>Enter the password.</source>
        <translation>Parolayı girin.</translation>
    </message>
</context>
<context>
    <name>DiagnosisPanel</name>
    <message>
        <location filename="../../gui/mailtester/qt/views/diagnosis.py" line="40" />
        <source>Diagnosis</source>
        <translation>Tanı</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/diagnosis.py" line="45" />
        <source>Certificate shown by the server</source>
        <translation>Sunucunun gösterdiği sertifika</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/diagnosis.py" line="50" />
        <source>Trust this certificate for this server…</source>
        <translation>Bu sunucu için bu sertifikaya güven…</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/diagnosis.py" line="52" />
        <source>Forget the trusted certificate</source>
        <translation>Güvenilen sertifikayı unut</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/diagnosis.py" line="91" />
        <source>Each failed try may count toward the provider's lockout.</source>
        <translation>Her başarısız deneme, sağlayıcının kilidine sayılabilir.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/diagnosis.py" line="98" />
        <source>Ready.</source>
        <translation>Hazır.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/diagnosis.py" line="99" />
        <source>Fill in the account and choose Test login. The password is sent only over an encrypted connection unless you allow otherwise.</source>
        <translation>Hesabı doldurun ve Girişi test et'i seçin. Aksine izin vermedikçe parola yalnızca şifreli bir bağlantı üzerinden gönderilir.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/diagnosis.py" line="103" />
        <source>Testing…</source>
        <translation>Test ediliyor…</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/diagnosis.py" line="104" />
        <source>Watch the timeline: every line exchanged with the server appears as it happens.</source>
        <translation>Zaman çizelgesini izleyin: sunucuyla alınıp verilen her satır olduğu anda görünür.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/diagnosis.py" line="107" />
        <source>Cancelled.</source>
        <translation>İptal edildi.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/diagnosis.py" line="108" />
        <source>The test was stopped; nothing more was sent.</source>
        <translation>Test durduruldu; başka bir şey gönderilmedi.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/diagnosis.py" line="114" />
        <source>Server</source>
        <translation>Sunucu</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/diagnosis.py" line="114" />
        <source>Port</source>
        <translation>Bağlantı noktası</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/diagnosis.py" line="115" />
        <source>Security</source>
        <translation>Güvenlik</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/diagnosis.py" line="115" />
        <source>None</source>
        <translation>Yok</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/diagnosis.py" line="117" />
        <source>User name</source>
        <translation>Kullanıcı adı</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/diagnosis.py" line="117" />
        <source>Method</source>
        <translation>Yöntem</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/diagnosis.py" line="119" />
        <source>Encryption</source>
        <translation>Şifreleme</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/diagnosis.py" line="121" />
        <source>Provider</source>
        <translation>Sağlayıcı</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/diagnosis.py" line="125" />
        <source>This account can log in and send.</source>
        <translation>Bu hesap giriş yapıp posta gönderebilir.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/diagnosis.py" line="127" />
        <source>The server accepted the user name and password. Use these settings in your mail program:</source>
        <translation>Sunucu kullanıcı adını ve parolayı kabul etti. Posta programınızda şu ayarları kullanın:</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/diagnosis.py" line="135" />
        <source>What to do</source>
        <translation>Ne yapmalı</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/diagnosis.py" line="135" />
        <source>More help</source>
        <translation>Daha fazla yardım</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/diagnosis.py" line="135" />
        <source>Usual causes</source>
        <translation>Olası nedenler</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/diagnosis.py" line="158" />
        <source>Subject</source>
        <translation>Konu</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/diagnosis.py" line="158" />
        <source>Issuer</source>
        <translation>Veren</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/diagnosis.py" line="159" />
        <source>Names</source>
        <translation>Adlar</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/diagnosis.py" line="159" />
        <source>Expires</source>
        <translation>Bitiş</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/diagnosis.py" line="160" />
        <source>SHA-256 fingerprint</source>
        <translation>SHA-256 parmak izi</translation>
    </message>
</context>
<context>
    <name>InputError</name>
    <message>
        <location filename="../../gui/mailtester/qt/i18n.py" line="108" />
        <source>Enter the server name, for example smtp.example.com.</source>
        <translation>Sunucu adını girin, örneğin smtp.example.com.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/i18n.py" line="109" />
        <source>The server name contains a line break or control character.</source>
        <translation>Sunucu adı bir satır sonu ya da denetim karakteri içeriyor.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/i18n.py" line="110" />
        <source>Enter only the server name, without a prefix like smtp:// or https://.</source>
        <translation>Yalnızca sunucu adını, smtp:// veya https:// gibi bir önek olmadan girin.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/i18n.py" line="111" />
        <source>The server name cannot contain spaces.</source>
        <translation>Sunucu adı boşluk içeremez.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/i18n.py" line="112" />
        <source>Enter only the server name, without a path or an @.</source>
        <translation>Yalnızca sunucu adını, yol ve @ olmadan girin.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/i18n.py" line="113" />
        <source>This is not a valid IPv6 address.</source>
        <translation>Bu geçerli bir IPv6 adresi değil.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/i18n.py" line="114" />
        <source>Enter the port in its own field, not after the server name.</source>
        <translation>Bağlantı noktasını sunucu adının ardına değil, kendi alanına girin.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/i18n.py" line="115" />
        <source>This is not a valid server name: use letters, digits, dots and hyphens.</source>
        <translation>Bu geçerli bir sunucu adı değil: harf, rakam, nokta ve tire kullanın.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/i18n.py" line="116" />
        <source>The port must be a number from 1 to 65535.</source>
        <translation>Bağlantı noktası 1 ile 65535 arasında bir sayı olmalıdır.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/i18n.py" line="117" />
        <source>The user name contains a line break or control character.</source>
        <translation>Kullanıcı adı bir satır sonu ya da denetim karakteri içeriyor.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/i18n.py" line="118" />
        <source>The password contains a line break, which cannot be sent.</source>
        <translation>Parola, gönderilemeyecek bir satır sonu içeriyor.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/i18n.py" line="119" />
        <source>The token contains a line break, which cannot be sent.</source>
        <translation>Belirteç, gönderilemeyecek bir satır sonu içeriyor.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="48" />
        <source>Mail Account Tester</source>
        <translation>Mail Account Tester</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="64" />
        <source>Sa&amp;ved accounts:</source>
        <translation>Kayıtlı &amp;hesaplar:</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="69" />
        <source>Saved accounts</source>
        <translation>Kayıtlı hesaplar</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="73" />
        <source>Forget</source>
        <translation>Unut</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="74" />
        <source>Forget the selected account and its password</source>
        <translation>Seçili hesabı ve parolasını unut</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="86" />
        <location filename="../../gui/mailtester/qt/views/window.py" line="265" />
        <source>&amp;Test login</source>
        <translation>Girişi &amp;test et</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="89" />
        <location filename="../../gui/mailtester/qt/views/window.py" line="266" />
        <source>Test login</source>
        <translation>Girişi test et</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="98" />
        <source>Show ra&amp;w</source>
        <translation>&amp;Ham göster</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="100" />
        <source>Copy &amp;lines</source>
        <translation>&amp;Satırları kopyala</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="102" />
        <source>Cop&amp;y report</source>
        <translation>Raporu &amp;kopyala</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="104" />
        <source>Save &amp;report…</source>
        <translation>Raporu ka&amp;ydet…</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="231" />
        <source>&amp;Cancel</source>
        <translation>&amp;İptal</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="232" />
        <source>Cancel the test</source>
        <translation>Testi iptal et</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="283" />
        <source>Report copied (Markdown, password removed).</source>
        <translation>Rapor kopyalandı (Markdown, parola çıkarıldı).</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="288" />
        <source>Save report</source>
        <translation>Raporu kaydet</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="289" />
        <source>Markdown (*.md);;HTML (*.html)</source>
        <translation>Markdown (*.md);;HTML (*.html)</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="293" />
        <source>Report saved.</source>
        <translation>Rapor kaydedildi.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="295" />
        <source>Could not save the report: %1</source>
        <translation>Rapor kaydedilemedi: %1</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="306" />
        <source>Trust this certificate?</source>
        <translation>Bu sertifikaya güvenilsin mi?</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="307" />
        <source>Only trust this certificate if you know it belongs to %1, for example a mail bridge on this computer or a server your organization runs.

From now on the test will accept exactly this certificate for this server and port, and refuse any other.</source>
        <translation>Bu sertifikaya yalnızca %1 sunucusuna ait olduğunu biliyorsanız güvenin; örneğin bu bilgisayardaki bir posta köprüsü ya da kuruluşunuzun çalıştırdığı bir sunucu.

Bundan sonra test, bu sunucu ve bağlantı noktası için tam olarak bu sertifikayı kabul edecek, başka her sertifikayı reddedecek.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="314" />
        <source>Certificate trusted for this server. Test again.</source>
        <translation>Bu sunucu için sertifikaya güvenildi. Yeniden test edin.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="321" />
        <source>The trusted certificate was removed.</source>
        <translation>Güvenilen sertifika kaldırıldı.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="327" />
        <source>(new account)</source>
        <translation>(yeni hesap)</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="355" />
        <source>No system keychain is available, so the password is kept only until you close this window. It is never written to a file.</source>
        <translation>Kullanılabilir bir sistem anahtarlığı yok; bu yüzden parola yalnızca bu pencereyi kapatana kadar tutulur. Hiçbir zaman bir dosyaya yazılmaz.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="379" />
        <source>Account and password forgotten.</source>
        <translation>Hesap ve parola unutuldu.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/window.py" line="383" />
        <source>The language changes the next time the window opens.</source>
        <translation>Dil, pencere bir sonraki açılışında değişir.</translation>
    </message>
</context>
<context>
    <name>StepsHeader</name>
    <message>
        <location filename="../../gui/mailtester/qt/views/steps.py" line="23" />
        <source>Connect</source>
        <translation>Bağlan</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/steps.py" line="23" />
        <source>Encrypt</source>
        <translation>Şifrele</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/steps.py" line="24" />
        <source>Greet</source>
        <translation>Karşıla</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/steps.py" line="24" />
        <source>Log in</source>
        <translation>Giriş yap</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/steps.py" line="25" />
        <source>not started</source>
        <translation>başlamadı</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/steps.py" line="25" />
        <source>in progress</source>
        <translation>sürüyor</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/steps.py" line="26" />
        <source>done</source>
        <translation>tamamlandı</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/steps.py" line="26" />
        <source>failed</source>
        <translation>başarısız</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/steps.py" line="27" />
        <source>skipped</source>
        <translation>atlandı</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/steps.py" line="34" />
        <source>then</source>
        <translation>sonra</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <location filename="../../gui/mailtester/qt/i18n.py" line="76" />
        <source>Looking up %1</source>
        <translation>%1 aranıyor</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/i18n.py" line="77" />
        <source>The name lookup did not answer in time</source>
        <translation>Ad çözümlemesi zamanında yanıt vermedi</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/i18n.py" line="78" />
        <source>The name was not found: %1</source>
        <translation>Ad bulunamadı: %1</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/i18n.py" line="79" />
        <source>Connecting to %1 port %2</source>
        <translation>%1 adresine, %2 numaralı bağlantı noktasından bağlanılıyor</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/i18n.py" line="80" />
        <source>No answer from %1 within %2 s</source>
        <translation>%1 adresinden %2 saniye içinde yanıt gelmedi</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/i18n.py" line="81" />
        <source>%1 refused the connection</source>
        <translation>%1 bağlantıyı reddetti</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/i18n.py" line="82" />
        <source>Cannot reach %1: %2</source>
        <translation>%1 adresine ulaşılamıyor: %2</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/i18n.py" line="83" />
        <source>Connected to %1 port %2</source>
        <translation>%1 adresine, %2 numaralı bağlantı noktasından bağlanıldı</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/i18n.py" line="84" />
        <source>Gave up: the whole test took longer than %1 s</source>
        <translation>Vazgeçildi: testin tamamı %1 saniyeden uzun sürdü</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/i18n.py" line="85" />
        <source>No greeting from the server within %1 s</source>
        <translation>Sunucudan %1 saniye içinde karşılama gelmedi</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/i18n.py" line="86" />
        <source>No reply from the server within %1 s</source>
        <translation>Sunucudan %1 saniye içinde yanıt gelmedi</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/i18n.py" line="87" />
        <source>The server closed the connection</source>
        <translation>Sunucu bağlantıyı kapattı</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/i18n.py" line="88" />
        <source>Starting TLS</source>
        <translation>TLS başlatılıyor</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/i18n.py" line="89" />
        <source>TLS failed: %1</source>
        <translation>TLS başarısız: %1</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/i18n.py" line="90" />
        <source>TLS failed: the certificate changed since you trusted it</source>
        <translation>TLS başarısız: sertifika, ona güvendiğinizden beri değişti</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/i18n.py" line="91" />
        <source>TLS established: %1, %2</source>
        <translation>TLS kuruldu: %1, %2</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/i18n.py" line="92" />
        <source>TLS established: %1, %2 (certificate pinned by you)</source>
        <translation>TLS kuruldu: %1, %2 (sertifikayı siz sabitlediniz)</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/i18n.py" line="93" />
        <source>Discarded data the server sent after 220 and before encryption started</source>
        <translation>Sunucunun 220'den sonra ve şifreleme başlamadan önce gönderdiği veriler atıldı</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/i18n.py" line="95" />
        <source>Server offers %1; using %2</source>
        <translation>Sunucu şunları sunuyor: %1; kullanılan: %2</translation>
    </message>
</context>
<context>
    <name>TimelineDelegate</name>
    <message>
        <location filename="../../gui/mailtester/qt/views/timeline.py" line="124" />
        <source>not base64</source>
        <translation>base64 değil</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/timeline.py" line="129" />
        <source>Server asks: %1</source>
        <translation>Sunucu soruyor: %1</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/timeline.py" line="129" />
        <source>You answer: %1</source>
        <translation>Yanıtınız: %1</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <location filename="../../gui/mailtester/qt/models/timeline.py" line="80" />
        <source>%1
Not valid base64: shown as the server sent it.</source>
        <translation>%1
Geçerli base64 değil: sunucunun gönderdiği gibi gösteriliyor.</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/models/timeline.py" line="103" />
        <source>Server asks: %1</source>
        <translation>Sunucu soruyor: %1</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/models/timeline.py" line="105" />
        <source>You answer: %1</source>
        <translation>Yanıtınız: %1</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/models/timeline.py" line="109" />
        <source>This computer sent</source>
        <translation>Bu bilgisayar gönderdi</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/models/timeline.py" line="109" />
        <source>Server sent</source>
        <translation>Sunucu gönderdi</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/models/timeline.py" line="109" />
        <source>Note</source>
        <translation>Not</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/models/timeline.py" line="112" />
        <source>encrypted</source>
        <translation>şifreli</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/models/timeline.py" line="114" />
        <source>decoded: %1</source>
        <translation>çözülmüş: %1</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <location filename="../../gui/mailtester/qt/views/timeline.py" line="150" />
        <source>Handshake timeline</source>
        <translation>El sıkışma zaman çizelgesi</translation>
    </message>
    <message>
        <location filename="../../gui/mailtester/qt/views/timeline.py" line="151" />
        <source>Every line exchanged with the server, with decoded challenges</source>
        <translation>Sunucuyla alınıp verilen her satır, çözülmüş sorgularla birlikte</translation>
    </message>
</context>
</TS>