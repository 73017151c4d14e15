"""Shorthand mined from the articles themselves by bench/mine_shorthand.py
(generated; reviewed: see REJECTED there). Word -> the words articles use for it,
each with the evidence found for it.
"""

MINED = {
    # defined 6 of 6 times; capitals 33/33; spelt out 8
    "acr": "actual compression ratio",
    # defined 162 of 164 times; capitals 1263/1306; spelt out 286
    "ado": "activex data object",
    # defined 17 of 23 times; capitals 254/270; spelt out 58
    "adsi": "active directory service interface",
    # title prefix of 9 of 9 articles on 'Microsoft Access Distribution Kit'
    "adt": "access distribution kit",
    # title prefix of 40 of 40 articles on 'Microsoft Access Distribution Kit'
    "adt2": "access distribution kit 2",
    # title prefix of 13 of 13 articles on 'Microsoft Access Distribution Kit'
    "adt95": "access distribution kit 95",
    # defined 5 of 7 times; capitals 42/43; spelt out 36
    "apc": "american power conversion",
    # defined 5 of 5 times; capitals 39/39; spelt out 8
    "apdu": "application protocol data unit",
    # defined 7 of 10 times; capitals 66/66; spelt out 17
    "ara": "appletalk remote access",
    # defined 82 of 96 times; capitals 544/559; spelt out 149
    "bbs": "bulletin board service",
    # defined 104 of 104 times; capitals 849/866; spelt out 305
    "bdc": "backup domain controller",
    # defined 7 of 7 times; capitals 35/35; spelt out 21
    "bpb": "bios parameter block",
    # defined 33 of 39 times; capitals 174/177; spelt out 56
    "ccim": "client configuration installation manager",
    # defined 18 of 18 times; capitals 109/110; spelt out 43
    "cnu": "connection name utility",
    # defined 47 of 47 times; capitals 304/313; spelt out 98
    "cvf": "compressed volume file",
    # defined 5 of 5 times; capitals 19/19; spelt out 10
    "dcd": "data carrier detect",
    # defined 5 of 6 times; capitals 18/18; spelt out 7
    "dmtf": "desktop management task force",
    # defined 5 of 5 times; capitals 21/21; spelt out 14
    "dpbc": "delivery point bar code",
    # defined 51 of 51 times; capitals 58/60; spelt out 56
    "dra": "directory replication agent",
    # defined 5 of 5 times; capitals 6/6; spelt out 6
    "dua": "directory user agent",
    # defined 11 of 11 times; capitals 62/63; spelt out 32
    "ecr": "estimated compression ratio",
    # defined 14 of 14 times; capitals 62/63; spelt out 17
    "edk": "exchange development kit",
    # defined 10 of 10 times; capitals 150/155; spelt out 55
    "emm": "expanded memory manager",
    # defined 16 of 16 times; capitals 156/167; spelt out 40
    "eps": "encapsulated postscript",
    # defined 72 of 74 times; capitals 386/394; spelt out 442
    "erd": "emergency repair disk",
    # defined 7 of 8 times; capitals 38/42; spelt out 244
    "fpse": "frontpage server extensions",
    # defined 47 of 47 times; capitals 186/193; spelt out 100
    "fqdn": "fully qualified domain name",
    # defined 95 of 95 times; capitals 567/580; spelt out 490
    "gal": "global address list",
    # defined 12 of 12 times; capitals 262/264; spelt out 62
    "gmt": "greenwich mean time",
    # defined 5 of 5 times; capitals 56/57; spelt out 16
    "gpo": "group policy object",
    # defined 51 of 53 times; capitals 362/379; spelt out 94
    "gui": "graphical user interface",
    # defined 19 of 19 times; capitals 165/166; spelt out 230
    "hac": "host account cache",
    # defined 36 of 36 times; capitals 168/169; spelt out 88
    "hma": "high memory area",
    # defined 7 of 7 times; capitals 16/16; spelt out 10
    "hpa": "horizontal pod autoscaler",
    # defined 5 of 5 times; capitals 38/38; spelt out 40
    "hpt": "host print transform",
    # defined 46 of 46 times; capitals 151/151; spelt out 48
    "hrp": "hotfix rollup package",
    # defined 7 of 8 times; capitals 48/49; spelt out 172
    "hsd": "host security domain",
    # defined 6 of 7 times; capitals 26/27; spelt out 61
    "hsi": "host security integration",
    # defined 10 of 12 times; capitals 113/117; spelt out 44
    "ias": "internet authentication service",
    # defined 10 of 14 times; capitals 54/60; spelt out 28
    "ics": "internet connection sharing",
    # defined 5 of 5 times; capitals 60/65; spelt out 21
    "ifs": "installable file system",
    # title prefix of 24 of 24 articles on 'Internet Information Server'
    "iis": "internet information server",
    # defined 12 of 15 times; capitals 226/231; spelt out 55
    "imap": "internet message access protocol",
    # defined 141 of 141 times; capitals 1160/1219; spelt out 480
    "imc": "internet mail connector",
    # defined 20 of 20 times; capitals 135/141; spelt out 31
    "ime": "input method editor",
    # defined 8 of 10 times; capitals 29/29; spelt out 21
    "imo": "internet mail only",
    # defined 54 of 57 times; capitals 770/823; spelt out 2076
    "ims": "internet mail service",
    # defined 112 of 112 times; capitals 445/458; spelt out 271
    "isp": "internet service provider",
    # defined 7 of 7 times; capitals 47/47; spelt out 19
    "isr": "interrupt service routine",
    # defined 5 of 5 times; capitals 24/26; spelt out 24
    "jit": "just-in-time",
    # defined 11 of 11 times; capitals 61/63; spelt out 16
    "lba": "logical block addressing",
    # defined 13 of 13 times; capitals 67/67; spelt out 31
    "lde": "linkage directory exchange",
    # defined 5 of 5 times; capitals 29/30; spelt out 15
    "lpc": "local procedure call",
    # defined 9 of 9 times; capitals 86/88; spelt out 21
    "mbf": "microsoft binary format",
    # defined 28 of 28 times; capitals 125/134; spelt out 78
    "mbr": "master boot record",
    # defined 90 of 90 times; capitals 801/824; spelt out 444
    "mdac": "microsoft data access component",
    # defined 6 of 6 times; capitals 46/48; spelt out 10
    "mft": "master file table",
    # defined 5 of 6 times; capitals 6/6; spelt out 6
    "mge": "multisynch graphics engine",
    # defined 252 of 253 times; capitals 1044/1126; spelt out 625
    "mmc": "microsoft management console",
    # defined 5 of 5 times; capitals 55/57; spelt out 20
    "mmff": "microsoft mail file format",
    # defined 44 of 44 times; capitals 263/278; spelt out 213
    "mms": "microsoft metadirectory services",
    # defined 19 of 20 times; capitals 168/173; spelt out 70
    "mru": "most recently used",
    # defined 8 of 9 times; capitals 58/59; spelt out 13
    "msde": "microsoft data engine",
    # defined 10 of 11 times; capitals 93/98; spelt out 112
    "msl": "microsoft software library",
    # defined 70 of 75 times; capitals 825/856; spelt out 649
    "mts": "microsoft transaction server",
    # defined 8 of 11 times; capitals 72/80; spelt out 19
    "nat": "network address translation",
    # defined 28 of 40 times; capitals 1226/1243; spelt out 466
    "ndr": "non-delivery report",
    # defined 35 of 41 times; capitals 517/526; spelt out 132
    "nds": "netware directory service",
    # defined 143 of 144 times; capitals 884/959; spelt out 336
    "nic": "network interface card",
    # defined 7 of 7 times; capitals 28/30; spelt out 8
    "nlb": "network load balancing",
    # defined 16 of 17 times; capitals 153/165; spelt out 292
    "oab": "offline address book",
    # defined 5 of 5 times; capitals 53/53; spelt out 31
    "odp": "offer data provider",
    # defined 254 of 254 times; capitals 1338/1353; spelt out 1112
    "owa": "outlook web access",
    # defined 87 of 87 times; capitals 548/605; spelt out 386
    "pab": "personal address book",
    # defined 80 of 82 times; capitals 671/694; spelt out 245
    "pcm": "package command manager",
    # defined 448 of 450 times; capitals 1921/1938; spelt out 523
    "pds": "professional development system",
    # defined 6 of 6 times; capitals 46/46; spelt out 32
    "pdu": "protocol data unit",
    # defined 51 of 53 times; capitals 252/265; spelt out 168
    "pgc": "program group control",
    # defined 6 of 6 times; capitals 27/27; spelt out 14
    "poom": "pocket outlook object model",
    # title prefix of 189 of 189 articles on 'Microsoft PowerPoint for Windows'
    "ppt": "powerpoint",
    # title prefix of 168 of 168 articles on 'Microsoft PowerPoint for Windows'
    "ppt7": "powerpoint 7",
    # defined 9 of 9 times; capitals 51/52; spelt out 255
    "psf": "permanent swap file",
    # defined 333 of 346 times; capitals 4767/4888; spelt out 1102
    "ras": "remote access service",
    # defined 5 of 5 times; capitals 34/36; spelt out 14
    "rdn": "relative distinguished name",
    # defined 30 of 33 times; capitals 402/416; spelt out 100
    "rip": "routing information protocol",
    # defined 4 of 5 times; capitals 23/23; spelt out 9
    "rot": "running object table",
    # defined 5 of 5 times; capitals 22/22; spelt out 22
    "rsl": "registry size limit",
    # defined 6 of 8 times; capitals 124/127; spelt out 28
    "rts": "request to send",
    # defined 4 of 5 times; capitals 44/45; spelt out 9
    "sbcs": "single byte character set",
    # defined 1369 of 1374 times; capitals 3465/3521; spelt out 2725
    "sdk": "software development kit",
    # defined 18 of 18 times; capitals 59/61; spelt out 35
    "sdl": "supplemental driver library",
    # defined 5 of 5 times; capitals 75/81; spelt out 19
    "sfs": "shared file system",
    # defined 618 of 636 times; capitals 13558/14707; spelt out 13116
    "sms": "systems management server",
    # defined 107 of 109 times; capitals 303/307; spelt out 203
    "srp": "security rollup package",
    # defined 7 of 7 times; capitals 10/10; spelt out 18
    "ssms": "sql server management studio",
    # defined 5 of 5 times; capitals 33/33; spelt out 8
    "tpu": "team productivity update",
    # defined 9 of 9 times; capitals 1001/1009; spelt out 302
    "tsr": "terminate-and-stay-resident",
    # defined 5 of 6 times; capitals 127/133; spelt out 31
    "ttl": "time to live",
    # defined 6 of 6 times; capitals 23/23; spelt out 12
    "uac": "user account control",
    # defined 38 of 40 times; capitals 127/136; spelt out 78
    "uae": "unrecoverable application error",
    # defined 11 of 11 times; capitals 168/172; spelt out 45
    "udt": "user defined type",
    # defined 52 of 54 times; capitals 185/192; spelt out 194
    "uma": "upper memory area",
    # defined 10 of 10 times; capitals 127/137; spelt out 39
    "vdm": "virtual dos machine",
    # defined 66 of 67 times; capitals 1046/1131; spelt out 1403
    "vm": "virtual machine",
    # defined 11 of 13 times; capitals 73/80; spelt out 28
    "vmm": "virtual machine manager",
    # defined 6 of 6 times; capitals 17/17; spelt out 7
    "wcs": "weapons control system",
    # title prefix of 1854 of 1854 articles on 'Word 97 for Windows'
    "wd97": "word 97",
    # defined 53 of 57 times; capitals 345/357; spelt out 77
    "wmi": "windows management instrumentation",
    # defined 11 of 13 times; capitals 125/138; spelt out 36
    "wow": "windows on windows",
    # defined 22 of 22 times; capitals 212/235; spelt out 291
    "wrk": "windows resource kit",
    # defined 23 of 23 times; capitals 171/188; spelt out 76
    "zak": "zero administration kit",
}
