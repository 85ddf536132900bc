#!/usr/bin/env python3
"""Regenerates the seed corpora in Tests/Fuzz/corpus/ (small on purpose: each file a few KB).

Usage: Tests/Fuzz/make_seeds.py ARRANGEMENT_JSON [OUT_DIR]
ARRANGEMENT_JSON: an arrangement.json (schema v3) written by `loopmind arrange` on a demo pack, e.g.
  build/bin/loopmind arrange "build/DemoLoops/House 124 A minor" --out arr.json --bars 16 --seed 3
Audio seeds are written by this script (WAV with an ACID chunk, AIFF with an Apple Loops 'basc' chunk) and by
sox/ffmpeg (FLAC, Ogg Vorbis, MP3 with its LAME/Lavc tag); the cache seed is a tiny SQLite file in the cache's layout.
"""
import copy, json, math, os, sqlite3, struct, subprocess, sys, tempfile

here = os.path.dirname(os.path.abspath(__file__))
arrangement_file = sys.argv[1]
out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(here, "corpus")


def target_dir(name):
    d = os.path.join(out, name)
    os.makedirs(d, exist_ok=True)
    return d


def write(name, file, data):
    with open(os.path.join(target_dir(name), file), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())


def tone(frames, channels, rate=8000):
    return [[math.sin(2 * math.pi * 440 * (i / rate) + c) * 0.5 for c in range(channels)] for i in range(frames)]


def pcm16(samples):
    return b"".join(struct.pack("<" + "h" * len(f), *[int(v * 32767) for v in f]) for f in samples)


def riff_chunk(cid, body):
    return cid + struct.pack("<I", len(body)) + body + (b"\0" if len(body) % 2 else b"")


def wav(samples, rate, extra=b"", fmt_tag=1, bits=16, data=None):
    ch = len(samples[0])
    data = data if data is not None else pcm16(samples)
    fmt = struct.pack("<HHIIHH", fmt_tag, ch, rate, rate * ch * bits // 8, ch * bits // 8, bits)
    body = b"WAVE" + riff_chunk(b"fmt ", fmt) + extra + riff_chunk(b"data", data)
    return b"RIFF" + struct.pack("<I", len(body)) + body


def acid(flags, root, beats, tempo):
    # flags (1 one-shot, 2 root set, 4 stretch, 8 disk-based), root note, 2 unknowns, beats, meter, tempo
    return riff_chunk(b"acid", struct.pack("<IHHfIHHf", flags, root, 0x8000, 0.0, beats, 4, 4, tempo))


def aiff(samples, rate, basc=None):
    ch, frames = len(samples[0]), len(samples)
    be = b"".join(struct.pack(">" + "h" * ch, *[int(v * 32767) for v in f]) for f in samples)
    # 80-bit extended sample rate
    e, m = 16383 + 31, rate
    while m < (1 << 31):
        m <<= 1; e -= 1
    comm = struct.pack(">hIh", ch, frames, 16) + struct.pack(">HQ", e, m << 32)
    def chunk(cid, body):
        return cid + struct.pack(">I", len(body)) + body + (b"\0" if len(body) % 2 else b"")
    body = b"AIFF" + chunk(b"COMM", comm)
    if basc is not None:
        beats, root, scale, oneshot = basc
        # version, beats, root note, scale type, time signature, loop/one-shot flag, then reserved bytes
        body += chunk(b"basc", struct.pack(">IIHHHHH", 1, beats, root, scale, 4, 4, 1 if oneshot else 2) + b"\0" * 66)
    body += chunk(b"SSND", struct.pack(">II", 0, 0) + be)
    return b"FORM" + struct.pack(">I", len(body)) + body


def audio_seeds():
    name = "fuzz_audio_loader"
    rate = 8000
    frames = int(rate * 0.25)  # 0.25 s at 8 kHz: 2 s long would need 32 KB
    write(name, "plain16.wav", wav(tone(frames, 2, rate), rate))
    write(name, "acid.wav", wav(tone(frames, 1, rate), rate, extra=acid(2 | 4, 57, 1, 240.0)))
    write(name, "acid-oneshot.wav", wav(tone(400, 1, rate), rate, extra=acid(1, 60, 0, 120.0)))
    floats = b"".join(struct.pack("<f", f[0]) for f in tone(300, 1, rate))
    write(name, "float32.wav", wav(tone(300, 1, rate), rate, fmt_tag=3, bits=32, data=floats))
    u8 = bytes(int(f[0] * 127 + 128) for f in tone(300, 1, rate))
    write(name, "u8.wav", wav(tone(300, 1, rate), rate, bits=8, data=u8))
    write(name, "basc.aiff", aiff(tone(frames, 1, rate), rate, basc=(1, 9, 1, False)))
    write(name, "basc-oneshot.aiff", aiff(tone(400, 2, rate), rate, basc=(0, 0, 0, True)))
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "src.wav")
        with open(src, "wb") as f:
            f.write(wav(tone(frames, 1, rate), rate))
        def run(*args):
            subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        run("sox", src, "-b", "24", os.path.join(tmp, "s24.wav"))
        run("sox", src, os.path.join(tmp, "c.aifc"))
        run("sox", src, os.path.join(tmp, "f.flac"))
        run("ffmpeg", "-y", "-i", src, "-c:a", "libvorbis", "-q:a", "0", os.path.join(tmp, "v.ogg"))
        run("ffmpeg", "-y", "-i", src, "-ar", "8000", "-c:a", "libmp3lame", "-b:a", "16k", os.path.join(tmp, "lame.mp3"))
        run("ffmpeg", "-y", "-i", src, "-ar", "44100", "-c:a", "libmp3lame", "-b:a", "32k", "-t", "0.1",
            "-id3v2_version", "0", "-write_id3v1", "0", os.path.join(tmp, "mpeg1.mp3"))
        for f in ("s24.wav", "c.aifc", "f.flac", "v.ogg", "lame.mp3", "mpeg1.mp3"):
            with open(os.path.join(tmp, f), "rb") as src_file:
                write(name, f, src_file.read())


def json_seeds():
    with open(arrangement_file) as f:
        v3 = json.load(f)
    # Paths relative to the file's folder: the seeds do not name this machine's folders.
    for t in v3["tracks"]:
        t["loop"]["path"] = "loops/" + os.path.basename(t["loop"]["path"])
    for e in v3.get("excluded", []):
        e["path"] = "loops/" + os.path.basename(e["path"])
    name = "fuzz_arrangement"
    write(name, "v3.json", json.dumps(v3, separators=(",", ":")))
    v3p = copy.deepcopy(v3)
    v3p["mixer"]["tracks"][0]["inserts"].append({
        "type": "plugin", "bypassed": False, "parameters": {"gain": 0.5},
        "plugin": {"format": "LV2", "identifier": "urn:example:gain", "name": "Gain", "vendor": "x",
                   "version": "1", "uniqueId": 7, "state": "AAECAwQFBgc="}})
    v3p["mixer"]["tracks"][1]["inserts"].append({"type": "compressor", "sidechain": v3["tracks"][0]["name"],
                                                "parameters": {"threshold": -20}, "bypassed": True})
    write(name, "v3-plugin.json", json.dumps(v3p, separators=(",", ":")))
    v2 = copy.deepcopy(v3)
    v2["schemaVersion"] = 2
    del v2["mixer"]
    write(name, "v2.json", json.dumps(v2, separators=(",", ":")))
    v1 = {"schemaVersion": 1, "generator": "loopmind 0.1.0", "seed": 1, "bpm": 124.0, "key": "A minor",
          "sampleRate": 44100.0, "beatsPerBar": 4, "totalBars": 16, "lengthSeconds": 30.967742,
          "sections": [{"name": "intro", "startBar": 0, "bars": 8, "energy": 0.3},
                       {"name": "main", "startBar": 8, "bars": 8, "energy": 1.0}],
          "tracks": [{"name": "drums 1", "role": "drums", "gainDb": -6.0, "pan": 0.0,
                      "loop": {"path": "loops/drums.wav", "bpm": 124.0, "beats": 8, "key": "none"},
                      "clips": [{"startBar": 0, "bars": 16}]}],
          "excluded": [{"path": "/loops/other/88.wav", "reason": "too far"}]}
    write(name, "v1.json", json.dumps(v1))

    project = {"loopmindProject": 1, "folders": ["/loops/House"], "seed": 3, "arrangement": v3,
               "lanes": [{"mute": i == 1, "solo": False} for i in range(len(v3["tracks"]))],
               "render": {"mix": True, "stems": False, "folder": "/tmp/out", "format": "flac", "bitDepth": 16,
                          "sampleRate": 48000.0, "loudnessPreset": "streaming"}}
    write("fuzz_project_file", "project-v3.loopmind", json.dumps(project, separators=(",", ":")))
    project_v1 = dict(project, arrangement=v1, lanes=[{"mute": False, "solo": True}], render={"format": "mp3"})
    write("fuzz_project_file", "project-v1.loopmind", json.dumps(project_v1))
    write("fuzz_project_file", "project-empty.loopmind", json.dumps({"loopmindProject": 1, "arrangement": None}))

    styles = os.path.join(here, "..", "..", "Resources", "Styles")
    for s in sorted(os.listdir(styles)):
        with open(os.path.join(styles, s)) as f:
            write("fuzz_style", s, json.dumps(json.load(f), separators=(",", ":")))

    scorer = {"format": "loopmind-linear-scorer", "version": 1, "bias": 0.25,
              "weights": {"sameKey": 1.5, "relativeKey": 1.0, "fifthKey": 0.5, "unpitched": 0.8, "stretch": -2.0,
                          "loudness": 0.1, "lengthBars": 0.3, "bpmConfidence": 0.4, "keyConfidence": 0.2,
                          "roleConfidence": 0.6}}
    write("fuzz_scorer", "full.json", json.dumps(scorer))
    write("fuzz_scorer", "one.json", json.dumps({"format": "loopmind-linear-scorer", "version": 1, "bias": 0.5,
                                                 "weights": {"stretch": -2}}))


CACHE_TABLE = """CREATE TABLE IF NOT EXISTS loops (
  path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL, version INTEGER NOT NULL,
  ok INTEGER NOT NULL, error TEXT, warning TEXT,
  duration REAL, sample_rate REAL, channels INTEGER, bit_depth INTEGER, format TEXT,
  bpm REAL, bpm_confidence REAL, beats INTEGER, key TEXT, key_confidence REAL, role TEXT, role_confidence REAL,
  lufs REAL, true_peak REAL, lra REAL, waveform BLOB, tempo_from_file INTEGER,
  wrap_jump_db REAL, wrap_clicks INTEGER)"""


def cache_seeds():
    # Layout 4, analyser version 7 (Source/Library/AnalysisCache.*): 512-byte pages keep the file at a few KB.
    d = target_dir("fuzz_analysis_cache")
    for variant in ("rows", "rollback"):
        path = os.path.join(d, "cache-%s.sqlite" % variant)
        if os.path.exists(path):
            os.remove(path)
        db = sqlite3.connect(path)
        db.execute("PRAGMA page_size=512")
        if variant == "rows":
            db.execute("PRAGMA journal_mode=WAL")
        db.execute("CREATE TABLE meta (name TEXT PRIMARY KEY, value INTEGER NOT NULL)")
        db.execute("INSERT INTO meta VALUES ('layout', 4)")
        db.execute(CACHE_TABLE)
        bins = 24 if variant == "rollback" else 200  # 200: coarser levels are derived on load
        waveform = b"LMW1" + struct.pack("<II", 256, bins) + bytes((256 - 60 + i % 50) % 256 for i in range(bins)) \
            + bytes(60 - i % 50 for i in range(bins))
        db.execute("INSERT INTO loops VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                   ("/loops/a.wav", 1000, 123456789, 7, 1, None, "{path}: truncated", 2.0, 44100.0, 2, 16, "WAV file",
                    124.0, 0.9, 8, "A minor", 0.8, "drums", 0.7, -10.0, -0.5, 3.0, waveform, 1, -40.0, 0))
        db.execute("INSERT INTO loops VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                   ("/loops/b.wav", 0, 0, 7, 0, "{path}: not a valid WAV file", None, None, None, 0, 0, None,
                    None, None, 0, None, None, None, None, None, None, None, None, 0, None, 0))
        db.commit()
        if variant == "rows":
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # one self-contained file, its header still saying WAL
        db.close()


audio_seeds()
json_seeds()
cache_seeds()
