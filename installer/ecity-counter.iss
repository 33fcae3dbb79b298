; Inno Setup script: wraps dist\ecity-counter (built by installer\ecity-counter.spec) into one setup.exe.
;   iscc installer\ecity-counter.iss
#define AppName "E-city counter"
#define AppVersion GetEnv("ECITY_VERSION")

[Setup]
AppId={{5E0C1B7A-4A1F-4C6B-9F8E-EC17C0C0A001}
AppName={#AppName}
AppVersion={#AppVersion}
DefaultDirName={autopf}\ecity-counter
DefaultGroupName={#AppName}
OutputDir=..\dist
OutputBaseFilename=ecity-counter-setup-{#AppVersion}
Compression=lzma2
SolidCompression=yes
ArchitecturesInstallIn64BitMode=x64compatible
PrivilegesRequired=admin

[Files]
Source: "..\dist\ecity-counter\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\ecity-counter.exe"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\ecity-counter.exe"
