; Inno Setup script: per-user install, start-menu shortcut, uninstaller.
; Built by the "windows" job of .github/workflows/release.yml after PyInstaller:
;   iscc /DVersion=0.1.0 packaging\windows\mailtester.iss
; Not built on the project's Linux machines (Inno Setup runs on Windows).

#ifndef Version
  #define Version "0.1.0"
#endif

[Setup]
AppId={{6C1B0D3E-5C55-4C8F-9C7E-2E7C1C0A9F41}
AppName=Mail Account Tester
AppVersion={#Version}
AppVerName=Mail Account Tester {#Version}
AppPublisher=Mail Account Tester developers
VersionInfoVersion={#Version}
VersionInfoProductName=Mail Account Tester
VersionInfoDescription=Mail Account Tester setup
; Per-user: no administrator rights, installs under %LOCALAPPDATA%\Programs.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
DefaultDirName={autopf}\Mail Account Tester
DefaultGroupName=Mail Account Tester
DisableProgramGroupPage=yes
OutputDir=..\..\dist
OutputBaseFilename=mailtester-{#Version}-windows-setup
SetupIconFile=mailtester.ico
UninstallDisplayIcon={app}\Mail Account Tester.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "turkish"; MessagesFile: "compiler:Languages\Turkish.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The PyInstaller onedir output: the window (Mail Account Tester.exe) and the
; command (mailtester.exe) share _internal\.
Source: "..\..\dist\mailtester\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\Mail Account Tester"; Filename: "{app}\Mail Account Tester.exe"
Name: "{group}\{cm:UninstallProgram,Mail Account Tester}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\Mail Account Tester"; Filename: "{app}\Mail Account Tester.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\Mail Account Tester.exe"; Parameters: "--demo"; Description: "{cm:LaunchProgram,Mail Account Tester}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Settings live in the registry (QSettings) and passwords in Credential Manager;
; both are the user's and are left alone. Nothing else is written next to the program.
Type: dirifempty; Name: "{app}"
