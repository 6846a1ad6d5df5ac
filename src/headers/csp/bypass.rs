//! Script hosts known to serve JSONP endpoints or AngularJS, which let an attacker run script
//! through a host allowlist, and hosts serving Flash for `object-src`, with the URL matching
//! of the CSP Evaluator's `utils.ts`.
//!
//! The lists are Google CSP Evaluator's `allowlist_bypasses/` of csp_evaluator 1.1.8
//! (github.com/google/csp-evaluator, Apache-2.0), whole: `tests/node/anchors.test.mjs` draws
//! its generated policies from the installed package's lists, so a drift fails there.

/// JSONP endpoints (`jsonp.ts` URLS).
pub(crate) const JSONP: &[&str] = &[
    "//bebezoo.1688.com/fragment/index.htm",
    "//www.google-analytics.com/gtm/js",
    "//googleads.g.doubleclick.net/pagead/conversion/1036918760/wcm",
    "//www.googleadservices.com/pagead/conversion/1070110417/wcm",
    "//www.google.com/tools/feedback/escalation-options",
    "//pin.aliyun.com/check_audio",
    "//offer.alibaba.com/market/CID100002954/5/fetchKeyword.do",
    "//ccrprod.alipay.com/ccr/arriveTime.json",
    "//group.aliexpress.com/ajaxAcquireGroupbuyProduct.do",
    "//detector.alicdn.com/2.7.3/index.php",
    "//suggest.taobao.com/sug",
    "//translate.google.com/translate_a/l",
    "//count.tbcdn.cn//counter3",
    "//wb.amap.com/channel.php",
    "//translate.googleapis.com/translate_a/l",
    "//afpeng.alimama.com/ex",
    "//accounts.google.com/o/oauth2/revoke",
    "//pagead2.googlesyndication.com/relatedsearch",
    "//yandex.ru/soft/browsers/check",
    "//api.facebook.com/restserver.php",
    "//mts0.googleapis.com/maps/vt",
    "//syndication.twitter.com/widgets/timelines/765840589183213568",
    "//www.youtube.com/profile_style",
    "//googletagmanager.com/gtm/js",
    "//mc.yandex.ru/watch/24306916/1",
    "//share.yandex.net/counter/gpp/",
    "//ok.go.mail.ru/lady_on_lady_recipes_r.json",
    "//d1f69o4buvlrj5.cloudfront.net/__efa_15_1_ornpba.xekq.arg/optout_check",
    "//www.googletagmanager.com/gtm/js",
    "//api.vk.com/method/wall.get",
    "//www.sharethis.com/get-publisher-info.php",
    "//google.ru/maps/vt",
    "//pro.netrox.sc/oapi/h_checksite.ashx",
    "//vimeo.com/api/oembed.json/",
    "//de.blog.newrelic.com/wp-admin/admin-ajax.php",
    "//ajax.googleapis.com/ajax/services/search/news",
    "//ssl.google-analytics.com/gtm/js",
    "//pubsub.pubnub.com/subscribe/demo/hello_world/",
    "//pass.yandex.ua/services",
    "//id.rambler.ru/script/topline_info.js",
    "//m.addthis.com/live/red_lojson/100eng.json",
    "//passport.ngs.ru/ajax/check",
    "//catalog.api.2gis.ru/ads/search",
    "//gum.criteo.com/sync",
    "//maps.google.com/maps/vt",
    "//ynuf.alipay.com/service/um.json",
    "//securepubads.g.doubleclick.net/gampad/ads",
    "//c.tiles.mapbox.com/v3/texastribune.tx-congress-cvap/6/15/26.grid.json",
    "//rexchange.begun.ru/banners",
    "//an.yandex.ru/page/147484",
    "//links.services.disqus.com/api/ping",
    "//api.map.baidu.com/",
    "//tj.gongchang.com/api/keywordrecomm/",
    "//data.gongchang.com/livegrail/",
    "//ulogin.ru/token.php",
    "//beta.gismeteo.ru/api/informer/layout.js/120x240-3/ru/",
    "//maps.googleapis.com/maps/api/js/GeoPhotoService.GetMetadata",
    "//a.config.skype.com/config/v1/Skype/908_1.33.0.111/SkypePersonalization",
    "//maps.beeline.ru/w",
    "//target.ukr.net/",
    "//www.meteoprog.ua/data/weather/informer/Poltava.js",
    "//cdn.syndication.twimg.com/widgets/timelines/599200054310604802",
    "//wslocker.ru/client/user.chk.php",
    "//community.adobe.com/CommunityPod/getJSON",
    "//maps.google.lv/maps/vt",
    "//dev.virtualearth.net/REST/V1/Imagery/Metadata/AerialWithLabels/26.318581",
    "//awaps.yandex.ru/10/8938/02400400.",
    "//a248.e.akamai.net/h5.hulu.com/h5.mp4",
    "//nominatim.openstreetmap.org/",
    "//plugins.mozilla.org/en-us/plugins_list.json",
    "//h.cackle.me/widget/32153/bootstrap",
    "//graph.facebook.com/1/",
    "//fellowes.ugc.bazaarvoice.com/data/reviews.json",
    "//widgets.pinterest.com/v3/pidgets/boards/ciciwin/hedgehog-squirrel-crafts/pins/",
    "//se.wikipedia.org/w/api.php",
    "//cse.google.com/api/007627024705277327428/cse/r3vs7b0fcli/queries/js",
    "//relap.io/api/v2/similar_pages_jsonp.js",
    "//c1n3.hypercomments.com/stream/subscribe",
    "//maps.google.de/maps/vt",
    "//books.google.com/books",
    "//connect.mail.ru/share_count",
    "//tr.indeed.com/m/newjobs",
    "//www-onepick-opensocial.googleusercontent.com/gadgets/proxy",
    "//www.panoramio.com/map/get_panoramas.php",
    "//client.siteheart.com/streamcli/client",
    "//www.facebook.com/restserver.php",
    "//autocomplete.travelpayouts.com/avia",
    "//www.googleapis.com/freebase/v1/topic/m/0344_",
    "//mts1.googleapis.com/mapslt/ft",
    "//publish.twitter.com/oembed",
    "//fast.wistia.com/embed/medias/o75jtw7654.json",
    "//partner.googleadservices.com/gampad/ads",
    "//pass.yandex.ru/services",
    "//gupiao.baidu.com/stocks/stockbets",
    "//widget.admitad.com/widget/init",
    "//api.instagram.com/v1/tags/partykungen23328/media/recent",
    "//video.media.yql.yahoo.com/v1/video/sapi/streams/063fb76c-6c70-38c5-9bbc-04b7c384de2b",
    "//ib.adnxs.com/jpt",
    "//pass.yandex.com/services",
    "//www.google.de/maps/vt",
    "//clients1.google.com/complete/search",
    "//api.userlike.com/api/chat/slot/proactive/",
    "//www.youku.com/index_cookielist/s/jsonp",
    "//mt1.googleapis.com/mapslt/ft",
    "//api.mixpanel.com/track/",
    "//wpd.b.qq.com/cgi/get_sign.php",
    "//pipes.yahooapis.com/pipes/pipe.run",
    "//gdata.youtube.com/feeds/api/videos/WsJIHN1kNWc",
    "//9.chart.apis.google.com/chart",
    "//cdn.syndication.twitter.com/moments/709229296800440320",
    "//api.flickr.com/services/feeds/photos_friends.gne",
    "//cbks0.googleapis.com/cbk",
    "//www.blogger.com/feeds/5578653387562324002/posts/summary/4427562025302749269",
    "//query.yahooapis.com/v1/public/yql",
    "//kecngantang.blogspot.com/feeds/posts/default/-/Komik",
    "//www.travelpayouts.com/widgets/50f53ce9ada1b54bcc000031.json",
    "//i.cackle.me/widget/32586/bootstrap",
    "//translate.yandex.net/api/v1.5/tr.json/detect",
    "//a.tiles.mapbox.com/v3/zentralmedia.map-n2raeauc.jsonp",
    "//maps.google.ru/maps/vt",
    "//c1n2.hypercomments.com/stream/subscribe",
    "//rec.ydf.yandex.ru/cookie",
    "//cdn.jsdelivr.net",
];

/// JSONP hosts whose bypass needs 'unsafe-eval' (`jsonp.ts` NEEDS_EVAL).
pub(crate) const JSONP_NEEDS_EVAL: &[&str] = &[
    "googletagmanager.com",
    "www.googletagmanager.com",
    "www.googleadservices.com",
    "google-analytics.com",
    "ssl.google-analytics.com",
    "www.google-analytics.com",
];

/// AngularJS copies (`angular.ts` URLS).
pub(crate) const ANGULAR: &[&str] = &[
    "//gstatic.com/fsn/angular_js-bundle1.js",
    "//www.gstatic.com/fsn/angular_js-bundle1.js",
    "//www.googleadservices.com/pageadimg/imgad",
    "//yandex.st/angularjs/1.2.16/angular-cookies.min.js",
    "//yastatic.net/angularjs/1.2.23/angular.min.js",
    "//yuedust.yuedu.126.net/js/components/angular/angular.js",
    "//art.jobs.netease.com/script/angular.js",
    "//csu-c45.kxcdn.com/angular/angular.js",
    "//elysiumwebsite.s3.amazonaws.com/uploads/blog-media/rockstar/angular.min.js",
    "//inno.blob.core.windows.net/new/libs/AngularJS/1.2.1/angular.min.js",
    "//gift-talk.kakao.com/public/javascripts/angular.min.js",
    "//ajax.googleapis.com/ajax/libs/angularjs/1.2.0rc1/angular-route.min.js",
    "//master-sumok.ru/vendors/angular/angular-cookies.js",
    "//ayicommon-a.akamaihd.net/static/vendor/angular-1.4.2.min.js",
    "//pangxiehaitao.com/framework/angular-1.3.9/angular-animate.min.js",
    "//cdnjs.cloudflare.com/ajax/libs/angular.js/1.2.16/angular.min.js",
    "//96fe3ee995e96e922b6b-d10c35bd0a0de2c718b252bc575fdb73.ssl.cf1.rackcdn.com/angular.js",
    "//oss.maxcdn.com/angularjs/1.2.20/angular.min.js",
    "//reports.zemanta.com/smedia/common/angularjs/1.2.11/angular.js",
    "//cdn.shopify.com/s/files/1/0225/6463/t/1/assets/angular-animate.min.js",
    "//parademanagement.com.s3-website-ap-southeast-1.amazonaws.com/js/angular.min.js",
    "//cdn.jsdelivr.net/angularjs/1.1.2/angular.min.js",
    "//eb2883ede55c53e09fd5-9c145fb03d93709ea57875d307e2d82e.ssl.cf3.rackcdn.com/components/angular-resource.min.js",
    "//andors-trail.googlecode.com/git/AndorsTrailEdit/lib/angular.min.js",
    "//cdn.walkme.com/General/EnvironmentTests/angular/angular.min.js",
    "//laundrymail.com/angular/angular.js",
    "//s3-eu-west-1.amazonaws.com/staticancpa/js/angular-cookies.min.js",
    "//collade.demo.stswp.com/js/vendor/angular.min.js",
    "//mrfishie.github.io/sailor/bower_components/angular/angular.min.js",
    "//askgithub.com/static/js/angular.min.js",
    "//services.amazon.com/solution-providers/assets/vendor/angular-cookies.min.js",
    "//raw.githubusercontent.com/angular/code.angularjs.org/master/1.0.7/angular-resource.js",
    "//prb-resume.appspot.com/bower_components/angular-animate/angular-animate.js",
    "//dl.dropboxusercontent.com/u/30877786/angular.min.js",
    "//static.tumblr.com/x5qdx0r/nPOnngtff/angular-resource.min_1_.js",
    "//storage.googleapis.com/assets-prod.urbansitter.net/us-sym/assets/vendor/angular-sanitize/angular-sanitize.min.js",
    "//twitter.github.io/labella.js/bower_components/angular/angular.min.js",
    "//cdn2-casinoroom.global.ssl.fastly.net/js/lib/angular-animate.min.js",
    "//www.adobe.com/devnet-apps/flashshowcase/lib/angular/angular.1.1.5.min.js",
    "//eternal-sunset.herokuapp.com/bower_components/angular/angular.js",
    "//cdn.bootcss.com/angular.js/1.2.0/angular.min.js",
];

/// Flash files usable through object-src (`flash.ts` URLS).
pub(crate) const FLASH: &[&str] = &[
    "//vk.com/swf/video.swf",
    "//ajax.googleapis.com/ajax/libs/yui/2.8.0r4/build/charts/assets/charts.swf",
];

/// `getSchemeFreeUrl`: the source without `scheme://` and without a leading `//`.
pub(crate) fn scheme_free(v: &str) -> &str {
    let mut chars = v.char_indices();
    let starts_word = chars.next().is_some_and(|(_, c)| is_word(c));
    let rest = if starts_word {
        v.split_once("://")
            .filter(|(scheme, _)| {
                scheme
                    .chars()
                    .skip(1)
                    .all(|c| is_word(c) || "+.-".contains(c))
            })
            .map_or(v, |(_, rest)| rest)
    } else {
        v
    };
    rest.strip_prefix("//").unwrap_or(rest)
}

fn is_word(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// The host (lower-cased) and path of `https://` + `rest` as a WHATWG URL parser reads them,
/// for the sources a policy holds; `None` where `new URL()` would throw (an empty host, a
/// forbidden host character, a bad port), which makes the CSP Evaluator itself throw.
pub(crate) fn host_and_path(rest: &str) -> Option<(String, String)> {
    let end = rest.find(['/', '?', '#', '\\']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(end);
    let authority = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let (host, port) = if authority.starts_with('[') {
        let (h, p) = authority.split_once(']')?;
        let h = authority.get(..h.len().checked_add(1)?)?;
        (h, p.strip_prefix(':'))
    } else {
        match authority.split_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (authority, None),
        }
    };
    let forbidden = |c: char| " #%/:<>?@[\\]^|".contains(c) || c.is_control();
    let bad_v6 = host
        .strip_prefix('[')
        .and_then(|h| h.strip_suffix(']'))
        .is_some_and(|h| {
            h.is_empty()
                || !h
                    .chars()
                    .all(|c| c.is_ascii_hexdigit() || c == ':' || c == '.')
        });
    if host.is_empty() || bad_v6 || (!host.starts_with('[') && host.chars().any(forbidden)) {
        return None;
    }
    if let Some(p) = port {
        if !p.is_empty() && p.parse::<u16>().is_err() {
            return None;
        }
    }
    let path = tail.split(['?', '#']).next().unwrap_or_default();
    let path = if path.is_empty() {
        "/".to_owned()
    } else {
        path.replace('\\', "/")
    };
    Some((host.to_ascii_lowercase(), path))
}

/// `matchWildcardUrls`: the host of the first URL in `list` that the source `url` (`//host/path`
/// form) allows: the same host (or a subdomain of a leading `*.`), and the same path or a
/// directory prefix of it. `Err` where the Evaluator's URL parsing throws.
pub(crate) fn matching(url: &str, list: &[&str]) -> Result<Option<String>, ()> {
    let url = url
        .replacen(":*", "", 1)
        .replacen('*', "wildcard_placeholder", 1);
    let rest = url.strip_prefix("//").unwrap_or(&url);
    let (host, path) = host_and_path(rest).ok_or(())?;
    let wildcard = host.starts_with("wildcard_placeholder.");
    let wildcard_free = host.strip_prefix("wildcard_placeholder").unwrap_or(&host);
    for candidate in list {
        let Some((domain, candidate_path)) = host_and_path(candidate.trim_start_matches('/'))
        else {
            continue;
        };
        if !domain.ends_with(wildcard_free) || (!wildcard && host != domain) {
            continue;
        }
        if path != "/" {
            let ok = if path.ends_with('/') {
                candidate_path.starts_with(&path)
            } else {
                candidate_path == path
            };
            if !ok {
                continue;
            }
        }
        return Ok(Some(domain));
    }
    Ok(None)
}
