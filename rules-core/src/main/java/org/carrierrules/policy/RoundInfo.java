package org.carrierrules.policy;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;

import org.carrierrules.CarrierType;

/**
 * What a host may want to show about the round a policy governs.
 *
 * @param id                    e.g. {@code luohu-2024}
 * @param title                 e.g. 罗湖区2024年度终身职业技能培训载体认定
 * @param authority             the bureau that runs the round, e.g. 深圳市罗湖区人力资源局
 * @param notice                the title of the notice the round implements
 * @param district              the district applicants must be registered in (二)
 * @param zone                  the time zone of the window, Asia/Shanghai
 * @param windowOpens           first moment of the submission window, local time, included (四(一))
 * @param windowCloses          last moment of the window, local time, included
 * @param totalQuota            at most this many carriers in all (三)
 * @param quotas                places per open carrier type (三)
 * @param materialNames         the material catalogue: code to Chinese name
 * @param materialsIllustrative true while the material list is an illustrative stand-in for 附件1
 */
public record RoundInfo(String id, String title, String authority, String notice, String district, ZoneId zone, LocalDateTime windowOpens,
                        LocalDateTime windowCloses, int totalQuota, Map<CarrierType, Integer> quotas,
                        Map<String, String> materialNames, boolean materialsIllustrative) {
    public RoundInfo {
        quotas = Map.copyOf(quotas);
        materialNames = Map.copyOf(materialNames);
    }
}
