import type { Wording } from "./wording-types.ts";

/** Polite (desu/masu) Japanese, as a Japanese card issuer's care desk writes. */
export const japanese: Wording = {
  name: "日本語",
  assistant: {
    greeting: (firstName) => [
      `${firstName === undefined ? "こんにちは" : `${firstName}様、こんにちは`}。バーチャルアシスタントです。本日はどのようなご用件でしょうか。`,
      "セキュリティのため、カード番号の全桁、セキュリティコード、ワンタイムパスコード、パスワードはチャットで絶対にお知らせにならないでください。",
      "いつでもオペレーターにおつなぎできます。時間の延長や書面での要約など、配慮が必要な場合はお知らせください。",
    ],
    detailRequests: {
      amount: "金額",
      date: "ご利用日",
      merchant: "加盟店名",
      cardLast4: "カード番号の下4桁",
    },
    and: "と",
    askFor: (list) => `オペレーターがすぐに対応できるよう、${list}をお知らせください。`,
    noted: (list) => `次の内容を承りました：${list}。`,
    offerAgent: "オペレーターにおつなぎしましょうか。",
    connecting:
      "ただいまオペレーターにおつなぎします。お伺いした内容は引き継ぎますので、繰り返しご説明いただく必要はありません。",
    connectingTo: (team) =>
      `ただいま${team}におつなぎします。お伺いした内容は引き継ぎますので、繰り返しご説明いただく必要はありません。`,
    willCall:
      "承知しました。お電話がいちばん早い方法です。お電話の後もチャットでのサポートが必要な場合は、こちらにご入力ください。",
    declined: "承知しました。ほかにお手伝いできることはございますか。",
    welcome: "どういたしまして。ほかにお手伝いできることはございますか。",
    notSure: "申し訳ございません、ご質問の内容を理解できませんでした。",
    accommodationsNoted: (names, writtenSummary) =>
      `お知らせいただきありがとうございます。次の内容を承りました：${names}。オペレーターにも共有されます。${
        writtenSummary ? "チャット終了時に書面で要約をお送りします。" : ""
      }`,
    unknownCard: (last4) =>
      `下4桁が${last4}のカードはお客様のご登録にございません。カード番号の下4桁をご確認ください。`,
  },
  conference: {
    joinedFromTeam: (name, team) =>
      `${team}の担当者${name}が、お問い合わせのお手伝いのためチャットに参加しました。`,
    joined: (name) => `${name}が、お問い合わせのお手伝いのためチャットに参加しました。`,
    left: (name, stillHere) =>
      stillHere
        ? `${name}がチャットから退出しました。引き続き${stillHere}が対応いたします。`
        : `${name}がチャットから退出しました。`,
  },
  handoff: {
    transferring: (queue) =>
      `${queue}の担当におつなぎします。これまでの会話は引き継がれますので、繰り返しご説明いただく必要はありません。`,
    joined: (name) => `${name}がチャットに参加しました。`,
    supervisorJoined: (name) => `スーパーバイザー（${name}）がチャットに参加しました。`,
    closed: (hours, phone) =>
      `この窓口のチャットは現在受付時間外です。受付時間は${hours}です。${phone}にお電話いただくか、引き続き私とチャットでお話しください。`,
    noAgents: (phone) =>
      `申し訳ございません。時間内に対応できるオペレーターがおりませんでした。${phone}にお電話いただくか、引き続き私とチャットし、後ほどもう一度オペレーターをお呼びください。`,
    failed:
      "オペレーターへの接続中に問題が発生しました。ご入力内容は失われていません。もう一度オペレーターをお呼びください。",
    idleWarning: (minutes) =>
      `しばらくメッセージがありません。${minutes}分以内にメッセージがない場合、このチャットは終了し、ケース番号付きの概要をお送りします。`,
  },
  wait: {
    unknown: "現在、待ち時間を予測できません",
    underMinute: "1分未満",
    oneMinute: "約1分",
    minutes: (count) => `約${count}分`,
    aboutHour: "約1時間",
    overHour: "1時間以上",
  },
  hours: {
    days: ["月曜日", "火曜日", "水曜日", "木曜日", "金曜日", "土曜日", "日曜日"],
    always: "24時間365日",
    everyDay: "毎日",
    dayRun: (first, last) => `${first}から${last}`,
    dayPair: (first, second) => `${first}と${second}`,
    range: (open, close) => `${open}〜${close}`,
    and: "、",
    timeZone: (zone) => `（${zone}時間）`,
  },
  detailLabels: { amount: "金額", date: "ご利用日", merchant: "加盟店", cardLast4: "カード下4桁" },
  summary: {
    title: "チャットの要約",
    caseNumber: "受付番号",
    date: "日付",
    topic: "ご用件",
    details: "お知らせいただいた内容：",
    accommodations: "承った配慮事項",
    inThisChat: "このチャットでは：",
    virtualAssistant: "バーチャルアシスタントとお話しいただきました。",
    agentJoined: "オペレーターがチャットに参加しました。",
    supervisorJoined: "スーパーバイザーがチャットに参加しました。",
    messageCount: (count) => `メッセージは${count}件でした。`,
    notFinished:
      "オペレーターが参加しなかったため、お客様のアカウントには変更は加えられていません。お手続きを完了するには、新しいチャットを開始してオペレーターをお呼びください。",
    nextSteps: "今後の流れ：",
    keepCaseNumber: (caseNumber) => `お問い合わせの際は受付番号${caseNumber}をお控えください。`,
    and: "と",
  },
  redaction: {
    names: {
      "card-number": "カード番号の全桁",
      "security-code": "カードのセキュリティコード",
      ssn: "社会保障番号",
      "one-time-passcode": "ワンタイムパスコード",
    },
    notice: (names) =>
      `セキュリティのため、ご入力いただいた${names.join("、")}を非表示にしました。チャットでこれらをお伺いすることはありません。` +
      "カード番号は下4桁のみをお知らせください。セキュリティコード、社会保障番号の全桁、ワンタイムパスコードはお知らせにならないでください。",
  },
  teams: {
    supervisor: "スーパーバイザー",
    merchant: "加盟店サービス担当",
    corporate: "法人カードプログラム担当",
    dispute: "ご利用内容の異議申し立て担当",
    credit: "与信担当",
    rewards: "ポイントプログラム担当",
    travel: "トラベル担当",
    fraud: "不正利用対策担当",
    "card-services": "カードサービス担当",
    billing: "ご請求担当",
    "account-changes": "アカウント変更担当",
  },
};
