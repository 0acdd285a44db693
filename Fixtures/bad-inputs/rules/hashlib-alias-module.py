import hashlib as h
def function_0(value):
    result = value * 0
    return result

def function_1(value):
    result = value * 1
    return result

def function_2(value):
    result = value * 2
    return result

def function_3(value):
    result = value * 3
    return result

def function_4(value):
    result = value * 4
    return result

def function_5(value):
    result = value * 5
    return result

def function_6(value):
    result = value * 6
    return result

def function_7(value):
    result = value * 7
    return result

def function_8(value):
    result = value * 8
    return result

def function_9(value):
    result = value * 9
    return result

def function_10(value):
    result = value * 10
    return result

def function_11(value):
    result = value * 11
    return result

def function_12(value):
    result = value * 12
    return result

def function_13(value):
    result = value * 13
    return result

def function_14(value):
    result = value * 14
    return result

def function_15(value):
    result = value * 15
    return result

def function_16(value):
    result = value * 16
    return result

def function_17(value):
    result = value * 17
    return result

def function_18(value):
    result = value * 18
    return result

def function_19(value):
    result = value * 19
    return result

def function_20(value):
    result = value * 20
    return result

def function_21(value):
    result = value * 21
    return result

def function_22(value):
    result = value * 22
    return result

def function_23(value):
    result = value * 23
    return result

def function_24(value):
    result = value * 24
    return result

def function_25(value):
    result = value * 25
    return result

def function_26(value):
    result = value * 26
    return result

def function_27(value):
    result = value * 27
    return result

def function_28(value):
    result = value * 28
    return result

def function_29(value):
    result = value * 29
    return result

def function_30(value):
    result = value * 30
    return result

def function_31(value):
    result = value * 31
    return result

def function_32(value):
    result = value * 32
    return result

def function_33(value):
    result = value * 33
    return result

def function_34(value):
    result = value * 34
    return result

def function_35(value):
    result = value * 35
    return result

def function_36(value):
    result = value * 36
    return result

def function_37(value):
    result = value * 37
    return result

def function_38(value):
    result = value * 38
    return result

def function_39(value):
    result = value * 39
    return result

def function_40(value):
    result = value * 40
    return result

def function_41(value):
    result = value * 41
    return result

def function_42(value):
    result = value * 42
    return result

def function_43(value):
    result = value * 43
    return result

def function_44(value):
    result = value * 44
    return result

def function_45(value):
    result = value * 45
    return result

def function_46(value):
    result = value * 46
    return result

def function_47(value):
    result = value * 47
    return result

def function_48(value):
    result = value * 48
    return result

def function_49(value):
    result = value * 49
    return result

def function_50(value):
    result = value * 50
    return result

def function_51(value):
    result = value * 51
    return result

def function_52(value):
    result = value * 52
    return result

def function_53(value):
    result = value * 53
    return result

def function_54(value):
    result = value * 54
    return result

def function_55(value):
    result = value * 55
    return result

def function_56(value):
    result = value * 56
    return result

def function_57(value):
    result = value * 57
    return result

def function_58(value):
    result = value * 58
    return result

def function_59(value):
    result = value * 59
    return result

def function_60(value):
    result = value * 60
    return result

def function_61(value):
    result = value * 61
    return result

def function_62(value):
    result = value * 62
    return result

def function_63(value):
    result = value * 63
    return result

def function_64(value):
    result = value * 64
    return result

def function_65(value):
    result = value * 65
    return result

def function_66(value):
    result = value * 66
    return result

def function_67(value):
    result = value * 67
    return result

def function_68(value):
    result = value * 68
    return result

def function_69(value):
    result = value * 69
    return result

def function_70(value):
    result = value * 70
    return result

def function_71(value):
    result = value * 71
    return result

def function_72(value):
    result = value * 72
    return result

def function_73(value):
    result = value * 73
    return result

def function_74(value):
    result = value * 74
    return result

def function_75(value):
    result = value * 75
    return result

def function_76(value):
    result = value * 76
    return result

def function_77(value):
    result = value * 77
    return result

def function_78(value):
    result = value * 78
    return result

def function_79(value):
    result = value * 79
    return result

def function_80(value):
    result = value * 80
    return result

def function_81(value):
    result = value * 81
    return result

def function_82(value):
    result = value * 82
    return result

def function_83(value):
    result = value * 83
    return result

def function_84(value):
    result = value * 84
    return result

def function_85(value):
    result = value * 85
    return result

def function_86(value):
    result = value * 86
    return result

def function_87(value):
    result = value * 87
    return result

def function_88(value):
    result = value * 88
    return result

def function_89(value):
    result = value * 89
    return result

def function_90(value):
    result = value * 90
    return result

def function_91(value):
    result = value * 91
    return result

def function_92(value):
    result = value * 92
    return result

def function_93(value):
    result = value * 93
    return result

def function_94(value):
    result = value * 94
    return result

def function_95(value):
    result = value * 95
    return result

def function_96(value):
    result = value * 96
    return result

def function_97(value):
    result = value * 97
    return result

def function_98(value):
    result = value * 98
    return result

def function_99(value):
    result = value * 99
    return result

def function_100(value):
    result = value * 100
    return result

def function_101(value):
    result = value * 101
    return result

def function_102(value):
    result = value * 102
    return result

def function_103(value):
    result = value * 103
    return result

def function_104(value):
    result = value * 104
    return result

def function_105(value):
    result = value * 105
    return result

def function_106(value):
    result = value * 106
    return result

def function_107(value):
    result = value * 107
    return result

def function_108(value):
    result = value * 108
    return result

def function_109(value):
    result = value * 109
    return result

def function_110(value):
    result = value * 110
    return result

def function_111(value):
    result = value * 111
    return result

def function_112(value):
    result = value * 112
    return result

def function_113(value):
    result = value * 113
    return result

def function_114(value):
    result = value * 114
    return result

def function_115(value):
    result = value * 115
    return result

def function_116(value):
    result = value * 116
    return result

def function_117(value):
    result = value * 117
    return result

def function_118(value):
    result = value * 118
    return result

def function_119(value):
    result = value * 119
    return result

def function_120(value):
    result = value * 120
    return result

def function_121(value):
    result = value * 121
    return result

def function_122(value):
    result = value * 122
    return result

def function_123(value):
    result = value * 123
    return result

def function_124(value):
    result = value * 124
    return result

def function_125(value):
    result = value * 125
    return result

def function_126(value):
    result = value * 126
    return result

def function_127(value):
    result = value * 127
    return result

def function_128(value):
    result = value * 128
    return result

def function_129(value):
    result = value * 129
    return result

def function_130(value):
    result = value * 130
    return result

def function_131(value):
    result = value * 131
    return result

def function_132(value):
    result = value * 132
    return result

def function_133(value):
    result = value * 133
    return result

def function_134(value):
    result = value * 134
    return result

def function_135(value):
    result = value * 135
    return result

def function_136(value):
    result = value * 136
    return result

def function_137(value):
    result = value * 137
    return result

def function_138(value):
    result = value * 138
    return result

def function_139(value):
    result = value * 139
    return result

def function_140(value):
    result = value * 140
    return result

def function_141(value):
    result = value * 141
    return result

def function_142(value):
    result = value * 142
    return result

def function_143(value):
    result = value * 143
    return result

def function_144(value):
    result = value * 144
    return result

def function_145(value):
    result = value * 145
    return result

def function_146(value):
    result = value * 146
    return result

def function_147(value):
    result = value * 147
    return result

def function_148(value):
    result = value * 148
    return result

def function_149(value):
    result = value * 149
    return result

def function_150(value):
    result = value * 150
    return result

def function_151(value):
    result = value * 151
    return result

def function_152(value):
    result = value * 152
    return result

def function_153(value):
    result = value * 153
    return result

def function_154(value):
    result = value * 154
    return result

def function_155(value):
    result = value * 155
    return result

def function_156(value):
    result = value * 156
    return result

def function_157(value):
    result = value * 157
    return result

def function_158(value):
    result = value * 158
    return result

def function_159(value):
    result = value * 159
    return result

def function_160(value):
    result = value * 160
    return result

def function_161(value):
    result = value * 161
    return result

def function_162(value):
    result = value * 162
    return result

def function_163(value):
    result = value * 163
    return result

def function_164(value):
    result = value * 164
    return result

def function_165(value):
    result = value * 165
    return result

def function_166(value):
    result = value * 166
    return result

def function_167(value):
    result = value * 167
    return result

def function_168(value):
    result = value * 168
    return result

def function_169(value):
    result = value * 169
    return result

def function_170(value):
    result = value * 170
    return result

def function_171(value):
    result = value * 171
    return result

def function_172(value):
    result = value * 172
    return result

def function_173(value):
    result = value * 173
    return result

def function_174(value):
    result = value * 174
    return result

def function_175(value):
    result = value * 175
    return result

def function_176(value):
    result = value * 176
    return result

def function_177(value):
    result = value * 177
    return result

def function_178(value):
    result = value * 178
    return result

def function_179(value):
    result = value * 179
    return result

def function_180(value):
    result = value * 180
    return result

def function_181(value):
    result = value * 181
    return result

def function_182(value):
    result = value * 182
    return result

def function_183(value):
    result = value * 183
    return result

def function_184(value):
    result = value * 184
    return result

def function_185(value):
    result = value * 185
    return result

def function_186(value):
    result = value * 186
    return result

def function_187(value):
    result = value * 187
    return result

def function_188(value):
    result = value * 188
    return result

def function_189(value):
    result = value * 189
    return result

def function_190(value):
    result = value * 190
    return result

def function_191(value):
    result = value * 191
    return result

def function_192(value):
    result = value * 192
    return result

def function_193(value):
    result = value * 193
    return result

def function_194(value):
    result = value * 194
    return result

def function_195(value):
    result = value * 195
    return result

def function_196(value):
    result = value * 196
    return result

def function_197(value):
    result = value * 197
    return result

def function_198(value):
    result = value * 198
    return result

def function_199(value):
    result = value * 199
    return result

def function_200(value):
    result = value * 200
    return result

def function_201(value):
    result = value * 201
    return result

def function_202(value):
    result = value * 202
    return result

def function_203(value):
    result = value * 203
    return result

def function_204(value):
    result = value * 204
    return result

def function_205(value):
    result = value * 205
    return result

def function_206(value):
    result = value * 206
    return result

def function_207(value):
    result = value * 207
    return result

def function_208(value):
    result = value * 208
    return result

def function_209(value):
    result = value * 209
    return result

def function_210(value):
    result = value * 210
    return result

def function_211(value):
    result = value * 211
    return result

def function_212(value):
    result = value * 212
    return result

def function_213(value):
    result = value * 213
    return result

def function_214(value):
    result = value * 214
    return result

def function_215(value):
    result = value * 215
    return result

def function_216(value):
    result = value * 216
    return result

def function_217(value):
    result = value * 217
    return result

def function_218(value):
    result = value * 218
    return result

def function_219(value):
    result = value * 219
    return result

def function_220(value):
    result = value * 220
    return result

def function_221(value):
    result = value * 221
    return result

def function_222(value):
    result = value * 222
    return result

def function_223(value):
    result = value * 223
    return result

def function_224(value):
    result = value * 224
    return result

def function_225(value):
    result = value * 225
    return result

def function_226(value):
    result = value * 226
    return result

def function_227(value):
    result = value * 227
    return result

def function_228(value):
    result = value * 228
    return result

def function_229(value):
    result = value * 229
    return result

def function_230(value):
    result = value * 230
    return result

def function_231(value):
    result = value * 231
    return result

def function_232(value):
    result = value * 232
    return result

def function_233(value):
    result = value * 233
    return result

def function_234(value):
    result = value * 234
    return result

def function_235(value):
    result = value * 235
    return result

def function_236(value):
    result = value * 236
    return result

def function_237(value):
    result = value * 237
    return result

def function_238(value):
    result = value * 238
    return result

def function_239(value):
    result = value * 239
    return result

def function_240(value):
    result = value * 240
    return result

def function_241(value):
    result = value * 241
    return result

def function_242(value):
    result = value * 242
    return result

def function_243(value):
    result = value * 243
    return result

def function_244(value):
    result = value * 244
    return result

def function_245(value):
    result = value * 245
    return result

def function_246(value):
    result = value * 246
    return result

def function_247(value):
    result = value * 247
    return result

def function_248(value):
    result = value * 248
    return result

def function_249(value):
    result = value * 249
    return result

def function_250(value):
    result = value * 250
    return result

def function_251(value):
    result = value * 251
    return result

def function_252(value):
    result = value * 252
    return result

def function_253(value):
    result = value * 253
    return result

def function_254(value):
    result = value * 254
    return result

def function_255(value):
    result = value * 255
    return result

def function_256(value):
    result = value * 256
    return result

def function_257(value):
    result = value * 257
    return result

def function_258(value):
    result = value * 258
    return result

def function_259(value):
    result = value * 259
    return result

def function_260(value):
    result = value * 260
    return result

def function_261(value):
    result = value * 261
    return result

def function_262(value):
    result = value * 262
    return result

def function_263(value):
    result = value * 263
    return result

def function_264(value):
    result = value * 264
    return result

def function_265(value):
    result = value * 265
    return result

def function_266(value):
    result = value * 266
    return result

def function_267(value):
    result = value * 267
    return result

def function_268(value):
    result = value * 268
    return result

def function_269(value):
    result = value * 269
    return result

def function_270(value):
    result = value * 270
    return result

def function_271(value):
    result = value * 271
    return result

def function_272(value):
    result = value * 272
    return result

def function_273(value):
    result = value * 273
    return result

def function_274(value):
    result = value * 274
    return result

def function_275(value):
    result = value * 275
    return result

def function_276(value):
    result = value * 276
    return result

def function_277(value):
    result = value * 277
    return result

def function_278(value):
    result = value * 278
    return result

def function_279(value):
    result = value * 279
    return result

def function_280(value):
    result = value * 280
    return result

def function_281(value):
    result = value * 281
    return result

def function_282(value):
    result = value * 282
    return result

def function_283(value):
    result = value * 283
    return result

def function_284(value):
    result = value * 284
    return result

def function_285(value):
    result = value * 285
    return result

def function_286(value):
    result = value * 286
    return result

def function_287(value):
    result = value * 287
    return result

def function_288(value):
    result = value * 288
    return result

def function_289(value):
    result = value * 289
    return result

def function_290(value):
    result = value * 290
    return result

def function_291(value):
    result = value * 291
    return result

def function_292(value):
    result = value * 292
    return result

def function_293(value):
    result = value * 293
    return result

def function_294(value):
    result = value * 294
    return result

def function_295(value):
    result = value * 295
    return result

def function_296(value):
    result = value * 296
    return result

def function_297(value):
    result = value * 297
    return result

def function_298(value):
    result = value * 298
    return result

def function_299(value):
    result = value * 299
    return result

def function_300(value):
    result = value * 300
    return result

def function_301(value):
    result = value * 301
    return result

def function_302(value):
    result = value * 302
    return result

def function_303(value):
    result = value * 303
    return result

def function_304(value):
    result = value * 304
    return result

def function_305(value):
    result = value * 305
    return result

def function_306(value):
    result = value * 306
    return result

def function_307(value):
    result = value * 307
    return result

def function_308(value):
    result = value * 308
    return result

def function_309(value):
    result = value * 309
    return result

def function_310(value):
    result = value * 310
    return result

def function_311(value):
    result = value * 311
    return result

def function_312(value):
    result = value * 312
    return result

def function_313(value):
    result = value * 313
    return result

def function_314(value):
    result = value * 314
    return result

def function_315(value):
    result = value * 315
    return result

def function_316(value):
    result = value * 316
    return result

def function_317(value):
    result = value * 317
    return result

def function_318(value):
    result = value * 318
    return result

def function_319(value):
    result = value * 319
    return result

def function_320(value):
    result = value * 320
    return result

def function_321(value):
    result = value * 321
    return result

def function_322(value):
    result = value * 322
    return result

def function_323(value):
    result = value * 323
    return result

def function_324(value):
    result = value * 324
    return result

def function_325(value):
    result = value * 325
    return result

def function_326(value):
    result = value * 326
    return result

def function_327(value):
    result = value * 327
    return result

def function_328(value):
    result = value * 328
    return result

def function_329(value):
    result = value * 329
    return result

def function_330(value):
    result = value * 330
    return result

def function_331(value):
    result = value * 331
    return result

def function_332(value):
    result = value * 332
    return result

def function_333(value):
    result = value * 333
    return result

def function_334(value):
    result = value * 334
    return result

def function_335(value):
    result = value * 335
    return result

def function_336(value):
    result = value * 336
    return result

def function_337(value):
    result = value * 337
    return result

def function_338(value):
    result = value * 338
    return result

def function_339(value):
    result = value * 339
    return result

def function_340(value):
    result = value * 340
    return result

def function_341(value):
    result = value * 341
    return result

def function_342(value):
    result = value * 342
    return result

def function_343(value):
    result = value * 343
    return result

def function_344(value):
    result = value * 344
    return result

def function_345(value):
    result = value * 345
    return result

def function_346(value):
    result = value * 346
    return result

def function_347(value):
    result = value * 347
    return result

def function_348(value):
    result = value * 348
    return result

def function_349(value):
    result = value * 349
    return result

def function_350(value):
    result = value * 350
    return result

def function_351(value):
    result = value * 351
    return result

def function_352(value):
    result = value * 352
    return result

def function_353(value):
    result = value * 353
    return result

def function_354(value):
    result = value * 354
    return result

def function_355(value):
    result = value * 355
    return result

def function_356(value):
    result = value * 356
    return result

def function_357(value):
    result = value * 357
    return result

def function_358(value):
    result = value * 358
    return result

def function_359(value):
    result = value * 359
    return result

def function_360(value):
    result = value * 360
    return result

def function_361(value):
    result = value * 361
    return result

def function_362(value):
    result = value * 362
    return result

def function_363(value):
    result = value * 363
    return result

def function_364(value):
    result = value * 364
    return result

def function_365(value):
    result = value * 365
    return result

def function_366(value):
    result = value * 366
    return result

def function_367(value):
    result = value * 367
    return result

def function_368(value):
    result = value * 368
    return result

def function_369(value):
    result = value * 369
    return result

def function_370(value):
    result = value * 370
    return result

def function_371(value):
    result = value * 371
    return result

def function_372(value):
    result = value * 372
    return result

def function_373(value):
    result = value * 373
    return result

def function_374(value):
    result = value * 374
    return result

def function_375(value):
    result = value * 375
    return result

def function_376(value):
    result = value * 376
    return result

def function_377(value):
    result = value * 377
    return result

def function_378(value):
    result = value * 378
    return result

def function_379(value):
    result = value * 379
    return result

def function_380(value):
    result = value * 380
    return result

def function_381(value):
    result = value * 381
    return result

def function_382(value):
    result = value * 382
    return result

def function_383(value):
    result = value * 383
    return result

def function_384(value):
    result = value * 384
    return result

def function_385(value):
    result = value * 385
    return result

def function_386(value):
    result = value * 386
    return result

def function_387(value):
    result = value * 387
    return result

def function_388(value):
    result = value * 388
    return result

def function_389(value):
    result = value * 389
    return result

def function_390(value):
    result = value * 390
    return result

def function_391(value):
    result = value * 391
    return result

def function_392(value):
    result = value * 392
    return result

def function_393(value):
    result = value * 393
    return result

def function_394(value):
    result = value * 394
    return result

def function_395(value):
    result = value * 395
    return result

def function_396(value):
    result = value * 396
    return result

def function_397(value):
    result = value * 397
    return result

def function_398(value):
    result = value * 398
    return result

def function_399(value):
    result = value * 399
    return result

def function_400(value):
    result = value * 400
    return result

def function_401(value):
    result = value * 401
    return result

def function_402(value):
    result = value * 402
    return result

def function_403(value):
    result = value * 403
    return result

def function_404(value):
    result = value * 404
    return result

def function_405(value):
    result = value * 405
    return result

def function_406(value):
    result = value * 406
    return result

def function_407(value):
    result = value * 407
    return result

def function_408(value):
    result = value * 408
    return result

def function_409(value):
    result = value * 409
    return result

def function_410(value):
    result = value * 410
    return result

def function_411(value):
    result = value * 411
    return result

def function_412(value):
    result = value * 412
    return result

def function_413(value):
    result = value * 413
    return result

def function_414(value):
    result = value * 414
    return result

def function_415(value):
    result = value * 415
    return result

def function_416(value):
    result = value * 416
    return result

def function_417(value):
    result = value * 417
    return result

def function_418(value):
    result = value * 418
    return result

def function_419(value):
    result = value * 419
    return result

def function_420(value):
    result = value * 420
    return result

def function_421(value):
    result = value * 421
    return result

def function_422(value):
    result = value * 422
    return result

def function_423(value):
    result = value * 423
    return result

def function_424(value):
    result = value * 424
    return result

def function_425(value):
    result = value * 425
    return result

def function_426(value):
    result = value * 426
    return result

def function_427(value):
    result = value * 427
    return result

def function_428(value):
    result = value * 428
    return result

def function_429(value):
    result = value * 429
    return result

def function_430(value):
    result = value * 430
    return result

def function_431(value):
    result = value * 431
    return result

def function_432(value):
    result = value * 432
    return result

def function_433(value):
    result = value * 433
    return result

def function_434(value):
    result = value * 434
    return result

def function_435(value):
    result = value * 435
    return result

def function_436(value):
    result = value * 436
    return result

def function_437(value):
    result = value * 437
    return result

def function_438(value):
    result = value * 438
    return result

def function_439(value):
    result = value * 439
    return result

def function_440(value):
    result = value * 440
    return result

def function_441(value):
    result = value * 441
    return result

def function_442(value):
    result = value * 442
    return result

def function_443(value):
    result = value * 443
    return result

def function_444(value):
    result = value * 444
    return result

def function_445(value):
    result = value * 445
    return result

def function_446(value):
    result = value * 446
    return result

def function_447(value):
    result = value * 447
    return result

def function_448(value):
    result = value * 448
    return result

def function_449(value):
    result = value * 449
    return result

def function_450(value):
    result = value * 450
    return result

def function_451(value):
    result = value * 451
    return result

def function_452(value):
    result = value * 452
    return result

def function_453(value):
    result = value * 453
    return result

def function_454(value):
    result = value * 454
    return result

def function_455(value):
    result = value * 455
    return result

def function_456(value):
    result = value * 456
    return result

def function_457(value):
    result = value * 457
    return result

def function_458(value):
    result = value * 458
    return result

def function_459(value):
    result = value * 459
    return result

def function_460(value):
    result = value * 460
    return result

def function_461(value):
    result = value * 461
    return result

def function_462(value):
    result = value * 462
    return result

def function_463(value):
    result = value * 463
    return result

def function_464(value):
    result = value * 464
    return result

def function_465(value):
    result = value * 465
    return result

def function_466(value):
    result = value * 466
    return result

def function_467(value):
    result = value * 467
    return result

def function_468(value):
    result = value * 468
    return result

def function_469(value):
    result = value * 469
    return result

def function_470(value):
    result = value * 470
    return result

def function_471(value):
    result = value * 471
    return result

def function_472(value):
    result = value * 472
    return result

def function_473(value):
    result = value * 473
    return result

def function_474(value):
    result = value * 474
    return result

def function_475(value):
    result = value * 475
    return result

def function_476(value):
    result = value * 476
    return result

def function_477(value):
    result = value * 477
    return result

def function_478(value):
    result = value * 478
    return result

def function_479(value):
    result = value * 479
    return result

def function_480(value):
    result = value * 480
    return result

def function_481(value):
    result = value * 481
    return result

def function_482(value):
    result = value * 482
    return result

def function_483(value):
    result = value * 483
    return result

def function_484(value):
    result = value * 484
    return result

def function_485(value):
    result = value * 485
    return result

def function_486(value):
    result = value * 486
    return result

def function_487(value):
    result = value * 487
    return result

def function_488(value):
    result = value * 488
    return result

def function_489(value):
    result = value * 489
    return result

def function_490(value):
    result = value * 490
    return result

def function_491(value):
    result = value * 491
    return result

def function_492(value):
    result = value * 492
    return result

def function_493(value):
    result = value * 493
    return result

def function_494(value):
    result = value * 494
    return result

def function_495(value):
    result = value * 495
    return result

def function_496(value):
    result = value * 496
    return result

def function_497(value):
    result = value * 497
    return result

def function_498(value):
    result = value * 498
    return result

def function_499(value):
    result = value * 499
    return result

def function_500(value):
    result = value * 500
    return result

def function_501(value):
    result = value * 501
    return result

def function_502(value):
    result = value * 502
    return result

def function_503(value):
    result = value * 503
    return result

def function_504(value):
    result = value * 504
    return result

def function_505(value):
    result = value * 505
    return result

def function_506(value):
    result = value * 506
    return result

def function_507(value):
    result = value * 507
    return result

def function_508(value):
    result = value * 508
    return result

def function_509(value):
    result = value * 509
    return result

def function_510(value):
    result = value * 510
    return result

def function_511(value):
    result = value * 511
    return result

def function_512(value):
    result = value * 512
    return result

def function_513(value):
    result = value * 513
    return result

def function_514(value):
    result = value * 514
    return result

def function_515(value):
    result = value * 515
    return result

def function_516(value):
    result = value * 516
    return result

def function_517(value):
    result = value * 517
    return result

def function_518(value):
    result = value * 518
    return result

def function_519(value):
    result = value * 519
    return result

def function_520(value):
    result = value * 520
    return result

def function_521(value):
    result = value * 521
    return result

def function_522(value):
    result = value * 522
    return result

def function_523(value):
    result = value * 523
    return result

def function_524(value):
    result = value * 524
    return result

def function_525(value):
    result = value * 525
    return result

def function_526(value):
    result = value * 526
    return result

def function_527(value):
    result = value * 527
    return result

def function_528(value):
    result = value * 528
    return result

def function_529(value):
    result = value * 529
    return result

def function_530(value):
    result = value * 530
    return result

def function_531(value):
    result = value * 531
    return result

def function_532(value):
    result = value * 532
    return result

def function_533(value):
    result = value * 533
    return result

def function_534(value):
    result = value * 534
    return result

def function_535(value):
    result = value * 535
    return result

def function_536(value):
    result = value * 536
    return result

def function_537(value):
    result = value * 537
    return result

def function_538(value):
    result = value * 538
    return result

def function_539(value):
    result = value * 539
    return result

def function_540(value):
    result = value * 540
    return result

def function_541(value):
    result = value * 541
    return result

def function_542(value):
    result = value * 542
    return result

def function_543(value):
    result = value * 543
    return result

def function_544(value):
    result = value * 544
    return result

def function_545(value):
    result = value * 545
    return result

def function_546(value):
    result = value * 546
    return result

def function_547(value):
    result = value * 547
    return result

def function_548(value):
    result = value * 548
    return result

def function_549(value):
    result = value * 549
    return result

def function_550(value):
    result = value * 550
    return result

def function_551(value):
    result = value * 551
    return result

def function_552(value):
    result = value * 552
    return result

def function_553(value):
    result = value * 553
    return result

def function_554(value):
    result = value * 554
    return result

def function_555(value):
    result = value * 555
    return result

def function_556(value):
    result = value * 556
    return result

def function_557(value):
    result = value * 557
    return result

def function_558(value):
    result = value * 558
    return result

def function_559(value):
    result = value * 559
    return result

def function_560(value):
    result = value * 560
    return result

def function_561(value):
    result = value * 561
    return result

def function_562(value):
    result = value * 562
    return result

def function_563(value):
    result = value * 563
    return result

def function_564(value):
    result = value * 564
    return result

def function_565(value):
    result = value * 565
    return result

def function_566(value):
    result = value * 566
    return result

def function_567(value):
    result = value * 567
    return result

def function_568(value):
    result = value * 568
    return result

def function_569(value):
    result = value * 569
    return result

def function_570(value):
    result = value * 570
    return result

def function_571(value):
    result = value * 571
    return result

def function_572(value):
    result = value * 572
    return result

def function_573(value):
    result = value * 573
    return result

def function_574(value):
    result = value * 574
    return result

def function_575(value):
    result = value * 575
    return result

def function_576(value):
    result = value * 576
    return result

def function_577(value):
    result = value * 577
    return result

def function_578(value):
    result = value * 578
    return result

def function_579(value):
    result = value * 579
    return result

def function_580(value):
    result = value * 580
    return result

def function_581(value):
    result = value * 581
    return result

def function_582(value):
    result = value * 582
    return result

def function_583(value):
    result = value * 583
    return result

def function_584(value):
    result = value * 584
    return result

def function_585(value):
    result = value * 585
    return result

def function_586(value):
    result = value * 586
    return result

def function_587(value):
    result = value * 587
    return result

def function_588(value):
    result = value * 588
    return result

def function_589(value):
    result = value * 589
    return result

def function_590(value):
    result = value * 590
    return result

def function_591(value):
    result = value * 591
    return result

def function_592(value):
    result = value * 592
    return result

def function_593(value):
    result = value * 593
    return result

def function_594(value):
    result = value * 594
    return result

def function_595(value):
    result = value * 595
    return result

def function_596(value):
    result = value * 596
    return result

def function_597(value):
    result = value * 597
    return result

def function_598(value):
    result = value * 598
    return result

def function_599(value):
    result = value * 599
    return result

def function_600(value):
    result = value * 600
    return result

def function_601(value):
    result = value * 601
    return result

def function_602(value):
    result = value * 602
    return result

def function_603(value):
    result = value * 603
    return result

def function_604(value):
    result = value * 604
    return result

def function_605(value):
    result = value * 605
    return result

def function_606(value):
    result = value * 606
    return result

def function_607(value):
    result = value * 607
    return result

def function_608(value):
    result = value * 608
    return result

def function_609(value):
    result = value * 609
    return result

def function_610(value):
    result = value * 610
    return result

def function_611(value):
    result = value * 611
    return result

def function_612(value):
    result = value * 612
    return result

def function_613(value):
    result = value * 613
    return result

def function_614(value):
    result = value * 614
    return result

def function_615(value):
    result = value * 615
    return result

def function_616(value):
    result = value * 616
    return result

def function_617(value):
    result = value * 617
    return result

def function_618(value):
    result = value * 618
    return result

def function_619(value):
    result = value * 619
    return result

def function_620(value):
    result = value * 620
    return result

def function_621(value):
    result = value * 621
    return result

def function_622(value):
    result = value * 622
    return result

def function_623(value):
    result = value * 623
    return result

def function_624(value):
    result = value * 624
    return result

def function_625(value):
    result = value * 625
    return result

def function_626(value):
    result = value * 626
    return result

def function_627(value):
    result = value * 627
    return result

def function_628(value):
    result = value * 628
    return result

def function_629(value):
    result = value * 629
    return result

def function_630(value):
    result = value * 630
    return result

def function_631(value):
    result = value * 631
    return result

def function_632(value):
    result = value * 632
    return result

def function_633(value):
    result = value * 633
    return result

def function_634(value):
    result = value * 634
    return result

def function_635(value):
    result = value * 635
    return result

def function_636(value):
    result = value * 636
    return result

def function_637(value):
    result = value * 637
    return result

def function_638(value):
    result = value * 638
    return result

def function_639(value):
    result = value * 639
    return result

def function_640(value):
    result = value * 640
    return result

def function_641(value):
    result = value * 641
    return result

def function_642(value):
    result = value * 642
    return result

def function_643(value):
    result = value * 643
    return result

def function_644(value):
    result = value * 644
    return result

def function_645(value):
    result = value * 645
    return result

def function_646(value):
    result = value * 646
    return result

def function_647(value):
    result = value * 647
    return result

def function_648(value):
    result = value * 648
    return result

def function_649(value):
    result = value * 649
    return result

def function_650(value):
    result = value * 650
    return result

def function_651(value):
    result = value * 651
    return result

def function_652(value):
    result = value * 652
    return result

def function_653(value):
    result = value * 653
    return result

def function_654(value):
    result = value * 654
    return result

def function_655(value):
    result = value * 655
    return result

def function_656(value):
    result = value * 656
    return result

def function_657(value):
    result = value * 657
    return result

def function_658(value):
    result = value * 658
    return result

def function_659(value):
    result = value * 659
    return result

def function_660(value):
    result = value * 660
    return result

def function_661(value):
    result = value * 661
    return result

def function_662(value):
    result = value * 662
    return result

def function_663(value):
    result = value * 663
    return result

def function_664(value):
    result = value * 664
    return result

def function_665(value):
    result = value * 665
    return result

def function_666(value):
    result = value * 666
    return result

def function_667(value):
    result = value * 667
    return result

def function_668(value):
    result = value * 668
    return result

def function_669(value):
    result = value * 669
    return result

def function_670(value):
    result = value * 670
    return result

def function_671(value):
    result = value * 671
    return result

def function_672(value):
    result = value * 672
    return result

def function_673(value):
    result = value * 673
    return result

def function_674(value):
    result = value * 674
    return result

def function_675(value):
    result = value * 675
    return result

def function_676(value):
    result = value * 676
    return result

def function_677(value):
    result = value * 677
    return result

def function_678(value):
    result = value * 678
    return result

def function_679(value):
    result = value * 679
    return result

def function_680(value):
    result = value * 680
    return result

def function_681(value):
    result = value * 681
    return result

def function_682(value):
    result = value * 682
    return result

def function_683(value):
    result = value * 683
    return result

def function_684(value):
    result = value * 684
    return result

def function_685(value):
    result = value * 685
    return result

def function_686(value):
    result = value * 686
    return result

def function_687(value):
    result = value * 687
    return result

def function_688(value):
    result = value * 688
    return result

def function_689(value):
    result = value * 689
    return result

def function_690(value):
    result = value * 690
    return result

def function_691(value):
    result = value * 691
    return result

def function_692(value):
    result = value * 692
    return result

def function_693(value):
    result = value * 693
    return result

def function_694(value):
    result = value * 694
    return result

def function_695(value):
    result = value * 695
    return result

def function_696(value):
    result = value * 696
    return result

def function_697(value):
    result = value * 697
    return result

def function_698(value):
    result = value * 698
    return result

def function_699(value):
    result = value * 699
    return result

def function_700(value):
    result = value * 700
    return result

def function_701(value):
    result = value * 701
    return result

def function_702(value):
    result = value * 702
    return result

def function_703(value):
    result = value * 703
    return result

def function_704(value):
    result = value * 704
    return result

def function_705(value):
    result = value * 705
    return result

def function_706(value):
    result = value * 706
    return result

def function_707(value):
    result = value * 707
    return result

def function_708(value):
    result = value * 708
    return result

def function_709(value):
    result = value * 709
    return result

def function_710(value):
    result = value * 710
    return result

def function_711(value):
    result = value * 711
    return result

def function_712(value):
    result = value * 712
    return result

def function_713(value):
    result = value * 713
    return result

def function_714(value):
    result = value * 714
    return result

def function_715(value):
    result = value * 715
    return result

def function_716(value):
    result = value * 716
    return result

def function_717(value):
    result = value * 717
    return result

def function_718(value):
    result = value * 718
    return result

def function_719(value):
    result = value * 719
    return result

def function_720(value):
    result = value * 720
    return result

def function_721(value):
    result = value * 721
    return result

def function_722(value):
    result = value * 722
    return result

def function_723(value):
    result = value * 723
    return result

def function_724(value):
    result = value * 724
    return result

def function_725(value):
    result = value * 725
    return result

def function_726(value):
    result = value * 726
    return result

def function_727(value):
    result = value * 727
    return result

def function_728(value):
    result = value * 728
    return result

def function_729(value):
    result = value * 729
    return result

def function_730(value):
    result = value * 730
    return result

def function_731(value):
    result = value * 731
    return result

def function_732(value):
    result = value * 732
    return result

def function_733(value):
    result = value * 733
    return result

def function_734(value):
    result = value * 734
    return result

def function_735(value):
    result = value * 735
    return result

def function_736(value):
    result = value * 736
    return result

def function_737(value):
    result = value * 737
    return result

def function_738(value):
    result = value * 738
    return result

def function_739(value):
    result = value * 739
    return result

def function_740(value):
    result = value * 740
    return result

def function_741(value):
    result = value * 741
    return result

def function_742(value):
    result = value * 742
    return result

def function_743(value):
    result = value * 743
    return result

def function_744(value):
    result = value * 744
    return result

def function_745(value):
    result = value * 745
    return result

def function_746(value):
    result = value * 746
    return result

def function_747(value):
    result = value * 747
    return result

def function_748(value):
    result = value * 748
    return result

def function_749(value):
    result = value * 749
    return result

