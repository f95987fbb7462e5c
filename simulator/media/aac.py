"""AAC-LC silence: the smallest valid raw_data_block, and the AudioSpecificConfig describing it."""

from __future__ import annotations

from simulator.media.bits import MsbWriter

SAMPLE_RATE = 48_000
CHANNELS = 1
FRAME_SAMPLES = 1024  # every AAC-LC frame decodes to 1024 samples per channel
OBJECT_TYPE_AAC_LC = 2
_SAMPLE_RATE_INDEX = {96_000: 0, 88_200: 1, 64_000: 2, 48_000: 3, 44_100: 4, 32_000: 5, 24_000: 6}
_ID_SCE, _ID_END = 0, 7
_ONLY_LONG_SEQUENCE = 0


def audio_specific_config() -> bytes:
    """ISO 14496-3 AudioSpecificConfig: AAC-LC, the sample rate index, mono, 1024-sample frames."""
    w = MsbWriter()
    w.bits(OBJECT_TYPE_AAC_LC, 5)
    w.bits(_SAMPLE_RATE_INDEX[SAMPLE_RATE], 4)
    w.bits(CHANNELS, 4)  # channel configuration 1: one centre channel
    w.code("000")  # GASpecificConfig: frameLengthFlag, dependsOnCoreCoder, extensionFlag
    w.align()
    return w.getvalue()


def silent_frame() -> bytes:
    """One single-channel element with no scale factor bands (max_sfb = 0), hence no spectrum."""
    w = MsbWriter()
    w.bits(_ID_SCE, 3)
    w.bits(0, 4)  # element_instance_tag
    w.bits(100, 8)  # global_gain (irrelevant without spectral data)
    w.flag(False)  # ics_reserved_bit
    w.bits(_ONLY_LONG_SEQUENCE, 2)
    w.flag(False)  # window_shape: sine
    w.bits(0, 6)  # max_sfb
    w.flag(False)  # predictor_data_present
    w.code("000")  # pulse_data_present, tns_data_present, gain_control_data_present
    w.bits(_ID_END, 3)
    w.align()
    return w.getvalue()
