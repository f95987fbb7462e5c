"""H.264 Constrained Baseline syntax: parameter sets, slices of I_PCM and skipped macroblocks.

No transform, no prediction, no entropy-coded residual: an IDR picture made only of I_PCM
macroblocks (raw samples), then P pictures where unchanged macroblocks are skipped (a zero
motion copy, since every motion vector predictor is zero) and changed ones are I_PCM again.
Deblocking is disabled in every slice, so decoded pictures equal the samples we wrote.
NAL units are returned without start codes, ready to be length-prefixed for MP4 (AVCC).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from simulator.media.bits import MsbWriter

PROFILE_BASELINE = 66
CONSTRAINED_BASELINE_FLAGS = 0xC0  # constraint_set0_flag + constraint_set1_flag
LOG2_MAX_FRAME_NUM = 8
MAX_FRAME_NUM = 1 << LOG2_MAX_FRAME_NUM
MB_TYPE_I_PCM_IN_I_SLICE = 25
MB_TYPE_I_PCM_IN_P_SLICE = 5 + 25  # P slices number intra types after the five inter types
SLICE_TYPE_P_ALL = 5  # slice_type + 5: every slice of the picture has this type
SLICE_TYPE_I_ALL = 7
NAL_SLICE, NAL_IDR_SLICE, NAL_SPS, NAL_PPS = 1, 5, 7, 8

# level_idc, MaxFS (macroblocks per frame), MaxMBPS (macroblocks per second), Table A-1
_LEVELS = ((40, 8192, 245_760), (42, 8704, 522_240), (51, 36_864, 983_040), (52, 36_864, 2_073_600))

_EMULATION = re.compile(rb"\x00\x00(?=[\x00-\x03])")


def nal_unit(ref_idc: int, nal_type: int, rbsp: bytes) -> bytes:
    """NAL header plus the payload with emulation prevention bytes inserted."""
    return bytes(((ref_idc << 5) | nal_type,)) + _EMULATION.sub(b"\x00\x00\x03", rbsp)


@dataclass(frozen=True)
class StreamFormat:
    """Picture size and rate, and everything derived from them."""

    width: int
    height: int
    fps: int

    def __post_init__(self) -> None:
        if self.width % 2 or self.height % 2:
            raise ValueError("4:2:0 frame cropping needs even dimensions")

    @property
    def mb_width(self) -> int:
        return -(-self.width // 16)

    @property
    def mb_height(self) -> int:
        return -(-self.height // 16)

    @property
    def mb_count(self) -> int:
        return self.mb_width * self.mb_height

    @property
    def level(self) -> int:
        for level_idc, max_fs, max_mbps in _LEVELS:
            fits_side = max(self.mb_width, self.mb_height) ** 2 <= 8 * max_fs
            if self.mb_count <= max_fs and fits_side and self.mb_count * self.fps <= max_mbps:
                return level_idc
        raise ValueError(f"{self.width}x{self.height} at {self.fps} fps exceeds H.264 level 5.2")

    @property
    def codec(self) -> str:
        """RFC 6381 codec string, e.g. avc1.42C028."""
        return f"avc1.{PROFILE_BASELINE:02X}{CONSTRAINED_BASELINE_FLAGS:02X}{self.level:02X}"

    def sps(self) -> bytes:
        w = MsbWriter()
        w.bits(PROFILE_BASELINE, 8)
        w.bits(CONSTRAINED_BASELINE_FLAGS, 8)
        w.bits(self.level, 8)
        w.ue(0)  # seq_parameter_set_id
        w.ue(LOG2_MAX_FRAME_NUM - 4)
        w.ue(2)  # pic_order_cnt_type 2: output order = decoding order
        w.ue(1)  # max_num_ref_frames
        w.flag(False)  # gaps_in_frame_num_value_allowed_flag
        w.ue(self.mb_width - 1)
        w.ue(self.mb_height - 1)
        w.flag(True)  # frame_mbs_only_flag
        w.flag(True)  # direct_8x8_inference_flag
        crop_right, crop_bottom = (
            (16 * self.mb_width - self.width) // 2,
            (16 * self.mb_height - self.height) // 2,
        )
        w.flag(bool(crop_right or crop_bottom))  # frame_cropping_flag, in 2-pixel units for 4:2:0
        if crop_right or crop_bottom:
            for offset in (0, crop_right, 0, crop_bottom):  # left, right, top, bottom
                w.ue(offset)
        w.flag(True)  # vui_parameters_present_flag
        self._vui(w)
        w.rbsp_trailing_bits()
        return nal_unit(3, NAL_SPS, w.getvalue())

    def _vui(self, w: MsbWriter) -> None:
        w.flag(True)  # aspect_ratio_info_present_flag
        w.bits(1, 8)  # aspect_ratio_idc 1: square pixels
        w.flag(False)  # overscan_info_present_flag
        w.flag(True)  # video_signal_type_present_flag
        w.bits(5, 3)  # video_format: unspecified
        w.flag(False)  # video_full_range_flag: limited range
        w.flag(True)  # colour_description_present_flag
        for bt709 in (1, 1, 1):  # colour_primaries, transfer_characteristics, matrix_coefficients
            w.bits(bt709, 8)
        w.flag(False)  # chroma_loc_info_present_flag
        w.flag(True)  # timing_info_present_flag
        w.bits(1, 32)  # num_units_in_tick
        w.bits(2 * self.fps, 32)  # time_scale (two ticks per frame)
        w.flag(False)  # fixed_frame_rate_flag: the last frame may be shorter
        w.flag(False)  # nal_hrd_parameters_present_flag
        w.flag(False)  # vcl_hrd_parameters_present_flag
        w.flag(False)  # pic_struct_present_flag
        w.flag(True)  # bitstream_restriction_flag
        w.flag(True)  # motion_vectors_over_pic_boundaries_flag
        w.ue(0)  # max_bytes_per_pic_denom: no limit
        w.ue(0)  # max_bits_per_mb_denom: no limit
        w.ue(15)  # log2_max_mv_length_horizontal
        w.ue(15)  # log2_max_mv_length_vertical
        w.ue(0)  # max_num_reorder_frames: frames are output as soon as decoded
        w.ue(1)  # max_dec_frame_buffering

    def pps(self) -> bytes:
        w = MsbWriter()
        w.ue(0)  # pic_parameter_set_id
        w.ue(0)  # seq_parameter_set_id
        w.flag(False)  # entropy_coding_mode_flag: CAVLC
        w.flag(False)  # bottom_field_pic_order_in_frame_present_flag
        w.ue(0)  # num_slice_groups_minus1
        w.ue(0)  # num_ref_idx_l0_default_active_minus1
        w.ue(0)  # num_ref_idx_l1_default_active_minus1
        w.flag(False)  # weighted_pred_flag
        w.bits(0, 2)  # weighted_bipred_idc
        w.se(0)  # pic_init_qp_minus26
        w.se(0)  # pic_init_qs_minus26
        w.se(0)  # chroma_qp_index_offset
        w.flag(True)  # deblocking_filter_control_present_flag
        w.flag(False)  # constrained_intra_pred_flag
        w.flag(False)  # redundant_pic_cnt_present_flag
        w.rbsp_trailing_bits()
        return nal_unit(3, NAL_PPS, w.getvalue())

    def decoder_configuration(self) -> bytes:
        """AVCDecoderConfigurationRecord (the payload of an MP4 avcC box)."""
        sps, pps = self.sps(), self.pps()
        header = bytes((1, PROFILE_BASELINE, CONSTRAINED_BASELINE_FLAGS, self.level, 0xFF, 0xE1))
        return b"".join((header, len(sps).to_bytes(2, "big"), sps, b"\x01", len(pps).to_bytes(2, "big"), pps))

    def idr_slice(self, macroblocks: Iterable[bytes]) -> bytes:
        """An IDR picture of I_PCM macroblocks, given in raster order (384 sample bytes each)."""
        w = MsbWriter()
        self._slice_header(w, idr=True, frame_num=0)
        for samples in macroblocks:
            _pcm_macroblock(w, MB_TYPE_I_PCM_IN_I_SLICE, samples)
        w.rbsp_trailing_bits()
        return nal_unit(3, NAL_IDR_SLICE, w.getvalue())

    def p_slice(self, frame_num: int, coded: Iterable[tuple[int, bytes]]) -> bytes:
        """A P picture: ``coded`` (macroblock address, samples) in increasing address order become
        I_PCM, every other macroblock is skipped."""
        w = MsbWriter()
        self._slice_header(w, idr=False, frame_num=frame_num % MAX_FRAME_NUM)
        next_address = 0
        for address, samples in coded:
            w.ue(address - next_address)  # mb_skip_run
            _pcm_macroblock(w, MB_TYPE_I_PCM_IN_P_SLICE, samples)
            next_address = address + 1
        if next_address < self.mb_count:
            w.ue(self.mb_count - next_address)  # the final run; a zero run here would announce an MB
        w.rbsp_trailing_bits()
        return nal_unit(2, NAL_SLICE, w.getvalue())

    @staticmethod
    def _slice_header(w: MsbWriter, *, idr: bool, frame_num: int) -> None:
        w.ue(0)  # first_mb_in_slice
        w.ue(SLICE_TYPE_I_ALL if idr else SLICE_TYPE_P_ALL)
        w.ue(0)  # pic_parameter_set_id
        w.bits(frame_num, LOG2_MAX_FRAME_NUM)
        if idr:
            w.ue(0)  # idr_pic_id
        else:
            w.flag(False)  # num_ref_idx_active_override_flag
            w.flag(False)  # ref_pic_list_modification_flag_l0
        # dec_ref_pic_marking(): no_output_of_prior_pics + long_term_reference, or sliding window
        w.code("00" if idr else "0")
        w.se(0)  # slice_qp_delta
        w.ue(1)  # disable_deblocking_filter_idc


def _pcm_macroblock(w: MsbWriter, mb_type: int, samples: bytes) -> None:
    w.ue(mb_type)
    w.align()  # pcm_alignment_zero_bits
    w.raw(samples)
