# Vocabulary of the carrier-recognition rule language (zhongshen zhiye jineng peixun zaiti rending).
# Policy staff write .dslr files using only the sentences below; the library checks that (safe mode)
# before Drools expands them. Keys use regex escapes for full-width punctuation because the Drools
# DSL lexer refuses it in this file: \uFF0C is the Chinese comma and \uFF1A the Chinese colon.
#
# Lines "#slot NAME TARGET" declare the placeholders a finding message may use, written {NAME}:
# TARGET $x is a value the rule's conditions bind, round.x() a parameter of the round, and
# supervision.x($y) a parameter that depends on a value the conditions bind.
#
# ---- 申请单位 (notice 二) -------------------------------------------------------------
[condition][]申请单位类型不在本轮申报对象之内=Applicant( !round.admits(type), $applicantType : type )
[condition][]申请单位须承担职业培训职能但未承担=Applicant( round.admits(type), round.requiresTrainingFunction(type), !hasTrainingFunction, $applicantType : type )
[condition][]申请单位未依法设立=Applicant( !legallyEstablished )
[condition][]申请单位不在本区登记=Applicant( !round.isInDistrict(registeredDistrict), $registeredDistrict : registeredDistrict )
#slot 申请单位类型 $applicantType
#slot 登记地 $registeredDistrict
#slot 本区 round.districtName()
#slot 本轮 round.title()
#
# ---- 载体类型与申报时间 (notice 一 三 四(一)) -----------------------------------------
[condition][]申报的载体类型本轮未开放=Application( !round.isOpen(carrierType), $carrierType : carrierType )
[condition][]提交时间不在申报时间之内=Application( !round.isWithinWindow(submittedAt), $submittedAt : submittedAt )
#slot 载体类型 $carrierType
#slot 提交时间 $submittedAt
#slot 申报时间 round.windowText()
#
# ---- 申报材料扫描件 (notice 四(二)) -----------------------------------------------------
[condition][]本类载体须提交的材料=$required : RequiredMaterial( $code : code, $materialName : name )
[condition][]申报单位未提交该材料=not Material( code == $code )
[condition][]申报单位提交了该材料=Material( code == $code, $fileName : fileName )
[condition][]申报单位提交了材料清单以外的材料=Material( $code : code, $fileName : fileName ) not RequiredMaterial( code == $code )
[condition][]- 不是PDF格式=format != FileFormat.PDF
[condition][]- 扫描前未加盖公章=!sealed
[condition][]- 扫描件不清晰=!legible
[condition][]- 扫描件缺页=!pagesComplete
[condition][]- 扫描件歪斜=skewed
[condition][]- 文件名未包含材料名称=!mentions(fileName, $materialName)
#slot 材料名称 $materialName
#slot 材料代码 $code
#slot 文件名 $fileName
#
# ---- 纸质材料 (notice 四(二)) -----------------------------------------------------------
[condition][]未提交纸质材料=Application( paperCopy == null )
[condition][]提交了纸质材料=PaperCopy( $copies : copies, $paperSize : paperSize )
[condition][]- 份数少于本轮要求=copies < round.paperCopies()
[condition][]- 不是A4纸=!paperSize.equalsIgnoreCase("A4")
[condition][]- 未装订成册=!bound
[condition][]- 未编制目录=!tableOfContents
[condition][]- 未编制页码=!pageNumbers
#slot 实交份数 $copies
#slot 应交份数 round.paperCopies()
#slot 纸张 $paperSize
#
# ---- 电子版材料 (notice 四(二)) ---------------------------------------------------------
[condition][]未提交电子版材料=not ElectronicFile()
[condition][]提交了电子版材料=exists ElectronicFile()
[condition][]电子版材料中没有WORD格式文件=not ElectronicFile( format == FileFormat.WORD )
[condition][]电子版材料中没有PDF格式文件=not ElectronicFile( format == FileFormat.PDF )
[condition][]电子版PDF文件多于一份=$pdfCount : Number( intValue > 1 ) from accumulate( ElectronicFile( format == FileFormat.PDF ), count( 1 ) )
[condition][]有电子版文件未以申报单位名称命名=Applicant( $applicantName : name ) ElectronicFile( !isNamedAfter(fileName, $applicantName), $fileName : fileName )
[condition][]电子版材料顺序与纸质版不一致=ElectronicCopy( !orderMatchesPaper )
#slot PDF份数 $pdfCount
#slot 申报单位名称 $applicantName
#
# ---- 跟踪管理 (notice 五) -----------------------------------------------------------------
# Each finding keeps the earliest date it was recorded on: a ground stands from the day first found.
[condition][]发现载体不能履行职责=Carrier( $carrierType : carrierType ) CarrierEvent( type == EventType.DUTIES_NOT_FULFILLED, $foundOn : date ) not CarrierEvent( type == EventType.DUTIES_NOT_FULFILLED, date < $foundOn )
[condition][]查实载体以弄虚作假或欺骗手段获得认定=CarrierEvent( type == EventType.FRAUD_FOUND, $foundOn : date ) not CarrierEvent( type == EventType.FRAUD_FOUND, date < $foundOn )
[condition][]发现载体失联=CarrierEvent( type == EventType.LOST_CONTACT, $foundOn : date ) not CarrierEvent( type == EventType.LOST_CONTACT, date < $foundOn )
[condition][]发现载体外迁=CarrierEvent( type == EventType.RELOCATED_OUT, $foundOn : date ) not CarrierEvent( type == EventType.RELOCATED_OUT, date < $foundOn )
[condition][]发现载体无法继续正常开展培训活动=CarrierEvent( type == EventType.TRAINING_DISCONTINUED, $foundOn : date ) not CarrierEvent( type == EventType.TRAINING_DISCONTINUED, date < $foundOn )
[condition][]载体认定后连续多年未从事相关培训活动=$carrier : Carrier() $idleYears : IdleStreak() from supervision.idleStreak($carrier, asOf)
#slot 发现日期 $foundOn
#slot 载体职责 supervision.duties($carrierType)
#slot 未培训年份 $idleYears
#slot 连续年数 supervision.idleYears()
#
# ---- 结论 (notice 四(三) 五) -------------------------------------------------------------
# The code is one of the contract's finding codes; the message is plain Chinese with {slots}.
[consequence][]不予受理\uFF0C代码 {code}\uFF1A{message}=findings.ineligible(drools, "{code}", "{message}");
[consequence][]通知补正该材料\uFF0C代码 {code}\uFF1A{message}=findings.defect(drools, "{code}", $required, "{message}");
[consequence][]通知补正\uFF0C代码 {code}\uFF1A{message}=findings.defect(drools, "{code}", "{message}");
[consequence][]提示\uFF0C代码 {code}\uFF1A{message}=findings.note(drools, "{code}", "{message}");
[consequence][]报请取消认定\uFF0C代码 {code}\uFF1A{message}=grounds.revoke(drools, "{code}", "{message}");
[consequence][]通知改正\uFF0C代码 {code}\uFF1A{message}=grounds.rectify(drools, "{code}", "{message}");
