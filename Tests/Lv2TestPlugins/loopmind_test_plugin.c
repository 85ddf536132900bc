/* Tiny LV2 plugins for the plug-in hosting tests, written from the LV2 core spec.
   One source, built three times: LM_KIND selects what instantiate() does, LM_URI names the plugin.
     LM_KIND 0 (gain):  out = in * 10^(gain_db / 20); deterministic, real-time safe, in-place safe.
     LM_KIND 1 (crash): instantiate() kills the process with SIGSEGV (checks that the scanner survives it).
     LM_KIND 2 (hang):  instantiate() never returns (checks the scanner's timeout).
   Plain C, no sanitizer flags (see CMakeLists.txt): the .so must load into any host build. */
#define _POSIX_C_SOURCE 200809L /* sigaction, sleep */
#include <lv2/core/lv2.h>

#include <math.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#ifndef LM_KIND
#error "LM_KIND must be defined (0 gain, 1 crash, 2 hang)"
#endif

enum { PORT_IN_L, PORT_IN_R, PORT_OUT_L, PORT_OUT_R, PORT_GAIN_DB, PORT_COUNT };

typedef struct
{
    void* ports[PORT_COUNT]; /* buffers set by the host through connect_port() */
} Plugin;

#if LM_KIND == 1
/* Die by a real SIGSEGV even inside a sanitizer-built scanner: ASan/TSan install their own SIGSEGV
   handler (which would turn the signal into a report and exit(1)), so restore the default action first. */
static void crashNow(void)
{
    struct sigaction sa = { 0 };
    sa.sa_handler = SIG_DFL;
    sigaction(SIGSEGV, &sa, NULL);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGSEGV);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    raise(SIGSEGV);
    *(volatile int*) (uintptr_t) 0 = 1; /* in case raise() was swallowed */
    signal(SIGABRT, SIG_DFL);
    abort(); /* last resort */
}
#endif

static LV2_Handle instantiate(const LV2_Descriptor* d, double rate, const char* path, const LV2_Feature* const* f)
{
    (void) d; (void) rate; (void) path; (void) f;
#if LM_KIND == 1
    crashNow();
#elif LM_KIND == 2
    for (;;)
        sleep(1); /* hang forever; the host must time out and kill us */
#endif
    return calloc(1, sizeof(Plugin)); /* instantiate() is not real-time: allocating here is fine */
}

static void connect_port(LV2_Handle h, uint32_t port, void* data)
{
    if (port < PORT_COUNT)
        ((Plugin*) h)->ports[port] = data;
}

static void activate(LV2_Handle h) { (void) h; }
static void deactivate(LV2_Handle h) { (void) h; }

/* Real-time: no allocation, no locks. Each sample is read before its output is written, so input and
   output buffers may alias (in-place processing works; lv2:inPlaceBroken is not declared). */
static void run(LV2_Handle h, uint32_t n)
{
    Plugin* p = (Plugin*) h;
    const float* gainDb = (const float*) p->ports[PORT_GAIN_DB];
    float db = gainDb ? *gainDb : 0.0f;
    db = db < -24.0f ? -24.0f : (db > 24.0f ? 24.0f : db); /* hosts may send out-of-range values */
    const float g = powf(10.0f, db / 20.0f);
    for (int ch = 0; ch < 2; ++ch)
    {
        const float* in = (const float*) p->ports[PORT_IN_L + ch];
        float* out = (float*) p->ports[PORT_OUT_L + ch];
        if (in == NULL || out == NULL)
            continue;
        for (uint32_t i = 0; i < n; ++i)
            out[i] = in[i] * g;
    }
}

static void cleanup(LV2_Handle h) { free(h); }

static const void* extension_data(const char* uri)
{
    (void) uri;
    return NULL;
}

static const LV2_Descriptor descriptor = { LM_URI, instantiate, connect_port, activate,
                                           run, deactivate, cleanup, extension_data };

/* The one exported symbol (everything else is hidden, see C_VISIBILITY_PRESET). */
LV2_SYMBOL_EXPORT const LV2_Descriptor* lv2_descriptor(uint32_t index)
{
    return index == 0 ? &descriptor : NULL;
}
