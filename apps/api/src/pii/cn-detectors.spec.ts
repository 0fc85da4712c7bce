import { describe, expect, it } from 'vitest';
import { cnIdCheckChar } from './cn-national-id.detector';
import { mask } from './__fixtures__/masker';
import { luhnValid } from './mask-utils';

describe('cn_mobile', () => {
  it.each([
    ['请联系 13800138000 或 +86 139-1234-5678', '请联系 138****8000 或 +86 139-****-5678'],
    ['手机:13912345678，谢谢', '手机:139****5678，谢谢'],
    ['电话 138 0013 8000 找王先生', '电话 138 **** 8000 找王先生'],
    ['tel 138-0013-8000.', 'tel 138-****-8000.'],
    ['拨打008615012345678', '拨打0086150****5678'],
    ['拨打 8615012345678', '拨打 86150****5678'],
    ['+86-186-0000-1111', '+86-186-****-1111'],
    ['名单 13800138000 13912345678', '名单 138****8000 139****5678'],
  ])('%s', (input, expected) => {
    expect(mask(input, ['cn_mobile'])).toBe(expected);
  });

  it.each([
    '订单号 202401151380013800123', // inside a longer digit run
    'ts=1700000000000', // millisecond timestamp
    '12013800138000', // leading digits
    '13800138000123',
    '1380013800', // 10 digits
    '12345678901', // 12x is not a mobile prefix
    'id abc13800138000', // part of an identifier
    'price 13800138000.55',
  ])('leaves %s alone', (input) => {
    expect(mask(input, ['cn_mobile'])).toBe(input);
  });
});

describe('cn_national_id', () => {
  it('computes the MOD 11-2 check character', () => {
    expect(cnIdCheckChar('11010519491231002')).toBe('X');
    expect(cnIdCheckChar('31011519851120567')).toBe('3');
  });

  it.each([
    ['身份证号 11010519491231002X 已登记', '身份证号 110***********002X 已登记'],
    ['id: 310115198511205673', 'id: 310***********5673'],
    ['lowercase x 11010519491231002x', 'lowercase x 110***********002x'],
    ['leap day 51010720000229031X', 'leap day 510***********031X'],
  ])('%s', (input, expected) => {
    expect(mask(input, ['cn_national_id'])).toBe(expected);
  });

  it.each([
    '110105194912310021', // wrong check character
    '310115198511205674',
    '110105199902291235', // valid checksum, 1999-02-29 does not exist
    '440304209912311233', // valid checksum, born in the future
    '11010519491231002X1', // longer run
  ])('leaves %s alone', (input) => {
    expect(mask(input, ['cn_national_id'])).toBe(input);
  });
});

describe('bank_card', () => {
  it('luhn', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
  });

  it.each([
    ['card 4111111111111111 ok', 'card ************1111 ok'],
    ['卡号：6222021234567890128', '卡号：***************0128'],
    ['4111 1111 1111 1111', '**** **** **** 1111'],
    ['5200-0000-0000-0007', '****-****-****-0007'],
    ['银联 6222 0212 3456 7890 128', '银联 **** **** **** ***0 128'],
    ['4111111111111111 5200000000000007', '************1111 ************0007'],
    ['visa 4111 1111 1111 1111 12/28', 'visa **** **** **** 1111 12/28'],
  ])('%s', (input, expected) => {
    expect(mask(input, ['bank_card'])).toBe(expected);
  });

  it.each([
    'card 4111111111111112', // fails Luhn
    '6222021234567890123', // 19 digits, fails Luhn
    'order 2024011512345678', // order number, fails Luhn
    '0000000000000000', // passes Luhn but is one repeated digit
    '4111 1111 1111 1111 1111', // 20 digits in groups
    '41111111111111111111', // 20 digits
    'ORD4111111111111111', // part of an identifier
    '4111 1111-1111 1111', // mixed separators
  ])('leaves %s alone', (input) => {
    expect(mask(input, ['bank_card'])).toBe(input);
  });
});
