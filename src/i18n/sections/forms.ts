import { defineSection } from "../catalogue";

/**
 * Strings of the questionnaire renderer, write-back and patient self-report mode. The questions and
 * answers themselves come from the Questionnaires (English text + the FHIR translation extension for
 * Japanese); the EQ-5D-5L wording is never here (it is licensed: docs/EQ5D-WORDING.md).
 */
export const formStrings = defineSection(
  {
    "forms.submit": "Submit",
    "forms.submitting": "Sending…",
    "forms.choose": "Questionnaire",
    "forms.choose.hint": "Choose a questionnaire to fill in for this patient.",
    "forms.close": "Close the questionnaire",
    "forms.required": "required",
    "forms.requiredNote": "Questions marked * must be answered.",
    "forms.select.placeholder": "Choose…",
    "forms.points": "{points} pt",
    "forms.number.hint": "{min} to {max}",
    "forms.vas.number": "{label}: value",

    "forms.errors.title": "Please check these answers:",
    "forms.error.required": "Please answer this question.",
    "forms.error.integer": "Enter a whole number.",
    "forms.error.decimal": "Enter a number.",
    "forms.error.option": "Choose one of the listed answers.",
    "forms.error.tooMany": "Choose only one answer.",
    "forms.error.min": "The lowest allowed value is {limit}.",
    "forms.error.max": "The highest allowed value is {limit}.",
    "forms.error.pattern": "This value is not in the allowed steps (see the hint).",
    "forms.error.date": "Enter a valid date.",
    "forms.error.unknown": "An answer belongs to no question of this form.",

    "forms.calculated.pending": "Calculated when every item is answered",
    "forms.calculated.range": "{min}–{max}",
    "forms.calculated.rangeNote": "range: not every item is answered",
    "forms.calculated.valueSet": "Value set: {id} ({country})",
    "forms.calculated.fromKps": "Set from the KPS",
    "forms.calculated.prognosis": "Predicted survival {prognosis}",

    "forms.eq5d.neutral": "The licensed EQ-5D-5L wording is not installed here, so neutral labels are shown.",

    "forms.status.stored": "Saved to the patient's record.",
    "forms.status.storedExisting": "Already in the patient's record (an earlier attempt had saved it).",
    "forms.status.unsent":
      "Not saved yet: the EHR could not be reached or was busy. The answers are kept as a draft in this tab; send them again below.",
    "forms.status.questionnaireMissing":
      "The EHR refused the answers because it does not have this app's questionnaires. Sending again will not help: ask your EHR administrators to load the app's Questionnaires (installation guide docs/INTEGRATION.md, \"Loading the app's Questionnaires\"). The answers are kept as a draft in this tab.",
    "forms.status.wrongContext":
      "These answers were started for another patient or another EHR, so they were not sent.",
    "forms.status.pendingExists":
      "This questionnaire already has answers waiting to be saved (listed below): send them again or discard them before starting another.",
    "forms.status.forbidden":
      "The EHR did not allow this app to save questionnaire responses. The answers are kept as a draft in this tab.",
    "forms.status.rejected": "The EHR refused the answers: {message} The answers are kept as a draft in this tab.",
    "forms.status.rejectedNoMessage":
      "The EHR refused the answers (HTTP {status}). The answers are kept as a draft in this tab.",
    "forms.status.sessionEnded":
      "The EHR session has ended. The answers are kept as a draft in this tab: open the app again from the patient's chart to send them.",
    "forms.status.invalid": "Not sent: some answers need attention.",
    "forms.status.noPatient": "No patient was selected at launch: answers cannot be saved.",
    "forms.status.noWrite":
      "This launch did not grant permission to save to the patient's record, so nothing is sent. What you enter stays on this page.",
    "forms.status.storageFailed":
      "The browser did not keep a draft copy: do not close this page before the answers are sent.",

    "forms.drafts.title": "Unsent answers",
    "forms.drafts.hint": "Kept in this browser tab only, until the EHR has stored them.",
    "forms.drafts.pending": "submitted, waiting to be saved",
    "forms.drafts.editing": "being filled in",
    "forms.drafts.selfReport": "patient self-report",
    "forms.drafts.updated": "last change {time}",
    "forms.drafts.resume": "Continue",
    "forms.drafts.sendAgain": "Send again",
    "forms.drafts.sendAll": "Send all again",
    "forms.drafts.discard": "Discard",
    "forms.drafts.confirmDiscard": "Discard for good",
    "forms.drafts.keep": "Keep",

    "forms.patient.handOver": "Hand to patient",
    "forms.patient.setupTitle": "Patient self-report",
    "forms.patient.setupHint":
      "Choose the timepoint and set a code, then hand the device over. The patient sees one question per screen, no scores and nothing from the record; you need the code to come back. The clinician-rated scores (Barthel, ECOG, Frankel, SINS, Tokuhashi) are never handed to a patient.",
    "forms.patient.offered": "The patient will be asked:",
    "forms.patient.offer.eq5d5l": "EQ-5D-5L (five questions) and the EQ VAS, in the licensed wording",
    "forms.patient.offer.pain": "Pain VAS",
    "forms.patient.eq5dWithheld":
      "The EQ-5D-5L is not offered to the patient: the licensed EQ-5D-5L wording is not installed here (see docs/EQ5D-WORDING.md), and a patient cannot answer its neutral labels properly.",
    "forms.patient.codeTitle": "Code to return to this view",
    "forms.patient.codeHint":
      "4 to 6 digits that only you know. It is needed to leave patient mode; this tab keeps only a hash of it.",
    "forms.patient.code": "Code",
    "forms.patient.codeAgain": "Code again",
    "forms.patient.codeFormat": "Enter 4 to 6 digits.",
    "forms.patient.codeDiffer": "The two codes are not the same.",
    "forms.patient.cancel": "Cancel",
    "forms.patient.start": "Start",
    "forms.patient.title": "Your answers",
    "forms.patient.progress": "Question {n} of {total}",
    "forms.patient.loading": "Preparing the questions…",
    "forms.patient.nothing": "There are no questions for you here. Please hand the device back to your clinician.",
    "forms.patient.next": "Next",
    "forms.patient.back": "Back",
    "forms.patient.finish": "Finish",
    "forms.patient.thanks": "Thank you. Please hand the device back to your clinician.",
    "forms.patient.exit": "Return to clinician",
    "forms.patient.confirmTitle": "Leave patient self-report?",
    "forms.patient.confirmBody":
      "For the clinician: enter the code you set when handing over. Leaving shows the patient's record again; unfinished answers are kept as a draft in this tab.",
    "forms.patient.exitCode": "Clinician's code",
    "forms.patient.exitWrong": "The code was not accepted.",
    "forms.patient.exitLocked": "Too many attempts. Try again in {seconds} s.",
    "forms.patient.confirmLeave": "I am the clinician: leave",
    "forms.patient.confirmStay": "Stay",
  },
  {
    "forms.submit": "送信",
    "forms.submitting": "送信中…",
    "forms.choose": "質問票",
    "forms.choose.hint": "この患者さんについて記入する質問票を選んでください。",
    "forms.close": "質問票を閉じる",
    "forms.required": "必須",
    "forms.requiredNote": "＊の付いた質問は回答が必須です。",
    "forms.select.placeholder": "選択してください",
    "forms.points": "{points}点",
    "forms.number.hint": "{min}〜{max}",
    "forms.vas.number": "{label}：数値",

    "forms.errors.title": "次の回答を確認してください：",
    "forms.error.required": "この質問に回答してください。",
    "forms.error.integer": "整数を入力してください。",
    "forms.error.decimal": "数値を入力してください。",
    "forms.error.option": "選択肢から選んでください。",
    "forms.error.tooMany": "回答は1つだけ選んでください。",
    "forms.error.min": "入力できる最小値は{limit}です。",
    "forms.error.max": "入力できる最大値は{limit}です。",
    "forms.error.pattern": "この値は入力できる刻みに合っていません（説明を参照）。",
    "forms.error.date": "正しい日付を入力してください。",
    "forms.error.unknown": "この質問票にない質問への回答があります。",

    "forms.calculated.pending": "すべての項目に回答すると計算されます",
    "forms.calculated.range": "{min}〜{max}",
    "forms.calculated.rangeNote": "範囲：未回答の項目があります",
    "forms.calculated.valueSet": "換算表：{id}（{country}）",
    "forms.calculated.fromKps": "KPSから自動設定",
    "forms.calculated.prognosis": "予測生存期間 {prognosis}",

    "forms.eq5d.neutral":
      "EQ-5D-5L の正式な文言（使用許諾が必要）はこの環境に導入されていないため、中立的なラベルを表示しています。",

    "forms.status.stored": "患者の記録に保存しました。",
    "forms.status.storedExisting": "すでに患者の記録に保存されています（以前の送信で保存済み）。",
    "forms.status.unsent":
      "まだ保存されていません：電子カルテに接続できないか混雑しています。回答はこのタブに下書きとして残っています。下から再送信してください。",
    "forms.status.questionnaireMissing":
      "電子カルテにこのアプリの質問票が登録されていないため、回答が受け付けられませんでした。再送信しても解決しません。電子カルテの管理者にアプリの質問票（Questionnaire）の登録を依頼してください（導入ガイド docs/INTEGRATION.md「Loading the app's Questionnaires」）。回答はこのタブに下書きとして残っています。",
    "forms.status.wrongContext": "この回答は別の患者または別の電子カルテで入力されたため、送信していません。",
    "forms.status.pendingExists":
      "この質問票には保存待ちの回答があります（下の一覧）。新しく入力する前に、再送信するか破棄してください。",
    "forms.status.forbidden":
      "電子カルテがこのアプリによる回答の保存を許可しませんでした。回答はこのタブに下書きとして残っています。",
    "forms.status.rejected":
      "電子カルテが回答を受け付けませんでした：{message} 回答はこのタブに下書きとして残っています。",
    "forms.status.rejectedNoMessage":
      "電子カルテが回答を受け付けませんでした（HTTP {status}）。回答はこのタブに下書きとして残っています。",
    "forms.status.sessionEnded":
      "電子カルテのセッションが終了しました。回答はこのタブに下書きとして残っています。送信するには患者のカルテからアプリを開き直してください。",
    "forms.status.invalid": "送信していません：確認が必要な回答があります。",
    "forms.status.noPatient": "起動時に患者が選択されていないため、回答を保存できません。",
    "forms.status.noWrite":
      "この起動では患者の記録への保存が許可されていないため、何も送信しません。入力内容はこのページに残ります。",
    "forms.status.storageFailed":
      "ブラウザに下書きを保存できませんでした。送信が終わるまでこのページを閉じないでください。",

    "forms.drafts.title": "未送信の回答",
    "forms.drafts.hint": "電子カルテに保存されるまで、このブラウザのタブにのみ保持されます。",
    "forms.drafts.pending": "送信済み・保存待ち",
    "forms.drafts.editing": "入力中",
    "forms.drafts.selfReport": "患者自己記入",
    "forms.drafts.updated": "最終変更 {time}",
    "forms.drafts.resume": "続ける",
    "forms.drafts.sendAgain": "再送信",
    "forms.drafts.sendAll": "すべて再送信",
    "forms.drafts.discard": "破棄",
    "forms.drafts.confirmDiscard": "完全に破棄する",
    "forms.drafts.keep": "残す",

    "forms.patient.handOver": "患者さんに渡す",
    "forms.patient.setupTitle": "患者さんによる自己記入",
    "forms.patient.setupHint":
      "評価時期を選び、コードを設定してから端末を患者さんに渡してください。患者さんには1画面に1問ずつ表示され、スコアや記録の内容は表示されません。この画面に戻るにはコードが必要です。担当者が評価するスコア（Barthel、ECOG、Frankel、SINS、徳橋）は患者さんには渡しません。",
    "forms.patient.offered": "患者さんに表示する質問：",
    "forms.patient.offer.eq5d5l": "EQ-5D-5L（5問）と EQ VAS（使用許諾を受けた正式な文言）",
    "forms.patient.offer.pain": "疼痛VAS",
    "forms.patient.eq5dWithheld":
      "EQ-5D-5L は患者さんに表示しません：EQ-5D-5L の正式な文言（使用許諾が必要）がこの環境に導入されておらず（docs/EQ5D-WORDING.md を参照）、中立的なラベルでは患者さんが正しく回答できないためです。",
    "forms.patient.codeTitle": "この画面に戻るためのコード",
    "forms.patient.codeHint":
      "担当者だけが知る4〜6桁の数字。患者モードを終了するときに必要です。このタブにはコードのハッシュ値だけが保存されます。",
    "forms.patient.code": "コード",
    "forms.patient.codeAgain": "コード（確認）",
    "forms.patient.codeFormat": "4〜6桁の数字を入力してください。",
    "forms.patient.codeDiffer": "2つのコードが一致しません。",
    "forms.patient.cancel": "キャンセル",
    "forms.patient.start": "開始",
    "forms.patient.title": "ご回答",
    "forms.patient.progress": "{total}問中{n}問目",
    "forms.patient.loading": "質問を準備しています…",
    "forms.patient.nothing": "ここで回答する質問はありません。端末を担当者にお返しください。",
    "forms.patient.next": "次へ",
    "forms.patient.back": "戻る",
    "forms.patient.finish": "終了",
    "forms.patient.thanks": "ご協力ありがとうございました。端末を担当者にお返しください。",
    "forms.patient.exit": "担当者に戻す",
    "forms.patient.confirmTitle": "患者自己記入を終了しますか？",
    "forms.patient.confirmBody":
      "担当者の方へ：端末を渡すときに設定したコードを入力してください。終了すると患者の記録が再び表示されます。未完了の回答はこのタブに下書きとして残ります。",
    "forms.patient.exitCode": "担当者のコード",
    "forms.patient.exitWrong": "コードが受け付けられませんでした。",
    "forms.patient.exitLocked": "試行回数が多すぎます。{seconds}秒後にもう一度お試しください。",
    "forms.patient.confirmLeave": "担当者です：終了する",
    "forms.patient.confirmStay": "続ける",
  },
);
